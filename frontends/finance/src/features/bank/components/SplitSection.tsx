import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { AllocationPicker } from '../../allocation/components/AllocationPicker';
import { allocationInputs, type AllocationValues } from '../../allocation/hooks/allocation-form';
import { useOpenInvoices } from '../../allocation/hooks/use-open-invoices';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import type { BankMovementItem } from '../hooks/use-bank';

/** "Répartir": the credit split over one customer's open invoices; what is not allocated stays as its credit. */
export function SplitSection({
  movement,
  busy,
  onSubmit,
}: {
  movement: BankMovementItem;
  busy: boolean;
  onSubmit: (customerId: string, allocations: { invoiceId: string; amount: string }[]) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const [customerId, setCustomerId] = useState<string | null>(movement.proposals[0]?.allocations[0]?.invoice.customer.id ?? null);
  const [values, setValues] = useState<AllocationValues>({});
  const openInvoices = useOpenInvoices(customerId);
  const allocations = allocationInputs(openInvoices.invoices, values);
  return (
    <Stack gap="sm" data-testid="bank-split">
      <CustomerPicker
        label={t('bank.split.customer')}
        value={customerId}
        onChange={(id) => {
          setCustomerId(id);
          setValues({});
        }}
        required
      />
      {customerId ? (
        <AllocationPicker
          openInvoices={openInvoices}
          total={movement.amount}
          values={values}
          onChange={setValues}
          errorOf={() => undefined}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('bank.split.chooseCustomer')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          disabled={!customerId || allocations === null}
          loading={busy}
          onClick={() => customerId && allocations && onSubmit(customerId, allocations)}
        >
          {t('bank.split.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
