import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, isNegativeAmount, isPositiveAmount, subtractAmounts, useFormatters } from '@relais/ui';
import { useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import {
  amountPath,
  creditAllocationInputs,
  remainingSurplus,
  typedAmount,
  type CreditAllocationInput,
} from '../hooks/credit-allocation-form';
import { useAllocateCreditNote, useCreditableInvoices } from '../hooks/use-credit-allocation';

interface Document {
  id: string;
  number: string | null;
}

/**
 * "Imputer sur d'autres factures": the customer's open invoices, each with the part of the
 * surplus it receives, and what is left as it is typed; the server refuses the whole lot or takes it.
 */
export function CreditAllocationModal({
  creditNote,
  surplusInvoice,
  customerId,
  surplus,
  currency,
  onClose,
}: {
  creditNote: Document;
  /** The invoice the credit note credited, whose negative balance is the surplus. */
  surplusInvoice: Document;
  customerId: string;
  surplus: string;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, currency);
  const { invoices, loading, error, retry } = useCreditableInvoices(customerId, surplusInvoice.id);
  const { allocate, busy } = useAllocateCreditNote(creditNote.id);
  const form = useForm<{ amounts: Record<string, string> }>({ defaultValues: { amounts: {} } });
  const amounts = useWatch({ control: form.control, name: 'amounts' });
  const sent = useRef<CreditAllocationInput[]>([]);
  const action = useFormAction(form, (path) => amountPath(path, sent.current));
  const remaining = remainingSurplus(surplus, invoices, amounts);
  const allocations = creditAllocationInputs(invoices, amounts);

  const submit = form.handleSubmit(async () => {
    if (!allocations || allocations.length === 0) return;
    sent.current = allocations;
    if (await action.run(() => allocate(allocations))) onClose();
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={t('creditAllocation.modal.title', { number: creditNote.number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('creditAllocation.modal.available', { amount: money(surplus), number: surplusInvoice.number })}</Text>
        {Boolean(error) && <ErrorNotice onRetry={retry} />}
        {loading ? (
          <LoadingState />
        ) : invoices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('creditAllocation.modal.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('creditAllocation.modal.number')}</Table.Th>
                <Table.Th>{t('creditAllocation.modal.issueDate')}</Table.Th>
                <Table.Th>{t('creditAllocation.modal.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('creditAllocation.modal.openBalance')}</Table.Th>
                <Table.Th>{t('creditAllocation.modal.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((invoice) => {
                const typed = amounts[invoice.id] ?? '';
                const unreadable = typed.trim() !== '' && typedAmount(typed) === null;
                return (
                  <Table.Tr key={invoice.id} data-testid="creditable-invoice">
                    <Table.Td>{invoice.number}</Table.Td>
                    <Table.Td>{invoice.issueDate ? format.date(invoice.issueDate) : '—'}</Table.Td>
                    <Table.Td>{invoice.dueDate ? format.date(invoice.dueDate) : '—'}</Table.Td>
                    <Table.Td ta="right">{format.money(invoice.openBalance, invoice.currency)}</Table.Td>
                    <Table.Td w={170}>
                      <TextInput
                        size="xs"
                        rightSection="€"
                        aria-label={t('creditAllocation.modal.amountOf', { number: invoice.number })}
                        error={
                          fieldErrorOf(form.formState.errors, `amounts.${invoice.id}`) ??
                          (unreadable ? t('creditAllocation.modal.invalidAmount') : undefined)
                        }
                        {...form.register(`amounts.${invoice.id}`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <RemainingSurplus remaining={remaining} money={money} />
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('creditAllocation.modal.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!allocations || allocations.length === 0}>
            {t('creditAllocation.modal.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What the typed amounts leave of the surplus: some, nothing, or too much taken. */
function RemainingSurplus({ remaining, money }: { remaining: string | null; money: (amount: string) => string }) {
  const { t } = useTranslation(billingNamespace);
  if (remaining === null)
    return (
      <Text size="sm" c="dimmed" data-testid="credit-remaining">
        {t('creditAllocation.modal.unreadable')}
      </Text>
    );
  if (isNegativeAmount(remaining))
    return (
      <Text size="sm" c="red" fw={500} data-testid="credit-remaining">
        {t('creditAllocation.modal.exceeds', { amount: money(subtractAmounts('0', remaining)) })}
      </Text>
    );
  return (
    <Text size="sm" fw={500} c={isPositiveAmount(remaining) ? undefined : 'green'} data-testid="credit-remaining">
      {isPositiveAmount(remaining)
        ? t('creditAllocation.modal.remaining', { amount: money(remaining) })
        : t('creditAllocation.modal.allAllocated')}
    </Text>
  );
}
