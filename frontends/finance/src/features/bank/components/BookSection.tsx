import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankBookingKind } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const kinds: BankBookingKind[] = ['BANK_FEES', 'INTERNAL_TRANSFER', 'SUPPLIER', 'OTHER'];

/** "Comptabiliser comme…": fees, an internal transfer, a supplier payment, or other with a note. */
export function BookSection({
  debit,
  busy,
  onSubmit,
}: {
  debit: boolean;
  busy: boolean;
  onSubmit: (kind: BankBookingKind, note: string | null) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const [kind, setKind] = useState<BankBookingKind>(debit ? 'BANK_FEES' : 'OTHER');
  const [note, setNote] = useState('');
  const noteMissing = kind === 'OTHER' && note.trim() === '';
  return (
    <Stack gap="sm" data-testid="bank-book">
      <Select
        label={t('bank.book.kind')}
        allowDeselect={false}
        data={kinds.map((value) => ({ value, label: t(`bank.kind.${value}`) }))}
        value={kind}
        onChange={(value) => value && setKind(value as BankBookingKind)}
      />
      <Textarea
        label={t('bank.book.note')}
        placeholder={t('bank.book.notePlaceholder')}
        autosize
        minRows={2}
        withAsterisk={kind === 'OTHER'}
        error={noteMissing && note !== '' ? t('bank.book.noteRequired') : undefined}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button disabled={noteMissing} loading={busy} onClick={() => onSubmit(kind, note.trim() || null)}>
          {t('bank.book.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
