import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { InvoiceDetail } from '../../invoice/hooks/use-invoice';
import { CreditAllocationModal } from './CreditAllocationModal';

/**
 * Where a credit note left more than its invoice still owed (the invoice was already paid): the
 * credit left, shown on the credit note and on that invoice, what was moved to other invoices,
 * and the action moving the rest. Nothing when there is neither.
 */
export function CreditSurplusCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [allocating, setAllocating] = useState(false);
  const isCreditNote = invoice.documentType === 'CREDIT_NOTE';
  const surplusInvoice = isCreditNote ? invoice.creditedInvoice : invoice;
  const creditNote = isCreditNote
    ? invoice
    : invoice.creditNotes.filter((note) => note.status !== 'DRAFT').sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? ''))[0];
  const moved = invoice.creditAllocations.filter((allocation) =>
    isCreditNote ? allocation.creditNote.id === invoice.id : allocation.fromInvoice.id === invoice.id,
  );
  const surplus = invoice.creditSurplus;
  if (invoice.status === 'DRAFT' || !surplusInvoice || (!isPositiveAmount(surplus) && moved.length === 0)) return null;
  const money = (amount: string) => format.money(amount, invoice.currency);

  return (
    <SectionCard title={t('creditAllocation.title')}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text size="sm" data-testid="credit-surplus">
            {isPositiveAmount(surplus)
              ? isCreditNote
                ? t('creditAllocation.surplusOfCreditNote', { number: surplusInvoice.number, amount: money(surplus) })
                : t('creditAllocation.surplusOfInvoice', { amount: money(surplus) })
              : t('creditAllocation.nothingLeft')}
          </Text>
          {isPositiveAmount(surplus) && creditNote && <Button onClick={() => setAllocating(true)}>{t('creditAllocation.action')}</Button>}
        </Group>
        {moved.length > 0 && (
          <Table verticalSpacing="xs" data-testid="credit-allocations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('creditAllocation.history.allocatedOn')}</Table.Th>
                <Table.Th>{t('creditAllocation.history.creditNote')}</Table.Th>
                <Table.Th>{t('creditAllocation.history.from')}</Table.Th>
                <Table.Th>{t('creditAllocation.history.to')}</Table.Th>
                <Table.Th ta="right">{t('creditAllocation.history.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moved.map((allocation) => (
                <Table.Tr key={allocation.id}>
                  <Table.Td>{format.date(allocation.allocatedOn)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.creditNote(allocation.creditNote.id)} size="sm">
                      {allocation.creditNote.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(allocation.fromInvoice.id)} size="sm">
                      {allocation.fromInvoice.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(allocation.invoice.id)} size="sm">
                      {allocation.invoice.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{money(allocation.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {allocating && creditNote && (
        <CreditAllocationModal
          creditNote={creditNote}
          surplusInvoice={surplusInvoice}
          customerId={invoice.customer.id}
          surplus={surplus}
          currency={invoice.currency}
          onClose={() => setAllocating(false)}
        />
      )}
    </SectionCard>
  );
}
