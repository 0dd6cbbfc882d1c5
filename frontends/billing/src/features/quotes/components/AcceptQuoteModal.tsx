import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptQuoteInput } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { ActionError } from '@relais/session';
import { useFormatters } from '@relais/ui';
import type { QuoteDetail } from '../hooks/use-quote';

/** The office records an acceptance received offline: who signed, and which options the customer took. */
export function AcceptQuoteModal({
  quote,
  busy,
  error,
  onAccept,
  onClose,
  onReload,
}: {
  quote: QuoteDetail;
  busy: boolean;
  error: unknown;
  onAccept: (input: AcceptQuoteInput) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const options = quote.lines.filter((line) => line.optional);
  const [signerName, setSignerName] = useState('');
  const [chosen, setChosen] = useState<string[]>(options.filter((line) => line.selected).map((line) => line.id));

  return (
    <Modal opened onClose={onClose} title={t('quotes.accept.title', { number: quote.number ?? '' })} size="lg">
      <Stack>
        <Text size="sm">{t('quotes.accept.text')}</Text>
        <TextInput
          label={t('quotes.accept.signerName')}
          value={signerName}
          onChange={(event) => setSignerName(event.currentTarget.value)}
        />
        {options.length > 0 && (
          <Checkbox.Group label={t('quotes.accept.options')} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {options.map((line) => (
                <Checkbox key={line.id} value={line.id} label={`${line.description} — ${format.money(line.lineNet, quote.currency)}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <ActionError error={error} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="green"
            loading={busy}
            onClick={() => onAccept({ signerName: signerName.trim() || null, chosenOptionalLineIds: chosen })}
          >
            {t('quotes.accept.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
