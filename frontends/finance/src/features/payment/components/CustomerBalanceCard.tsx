import { Anchor, Table } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import type { PaymentDetail } from '../hooks/use-payment';

/** What the customer owes today, as the server computes it: open invoices less unallocated payments. */
export function CustomerBalanceCard({ customer }: { customer: PaymentDetail['customer'] }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { balance } = customer;
  const rows: { key: 'invoicesOpen' | 'unallocatedPayments' | 'balance' | 'overdue'; strong?: boolean }[] = [
    { key: 'invoicesOpen' },
    { key: 'unallocatedPayments' },
    { key: 'balance', strong: true },
    { key: 'overdue' },
  ];
  return (
    <SectionCard title={t('payment.balance.title')}>
      <Table verticalSpacing={6} data-testid="customer-balance">
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} fw={row.strong ? 700 : undefined}>
              <Table.Td>{t(`payment.balance.${row.key}`)}</Table.Td>
              <Table.Td ta="right" data-testid={`customer-balance-${row.key}`}>
                {format.money(balance[row.key])}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Anchor component={Link} to={financePaths.statement(customer.id)} size="sm" mt="xs" display="inline-block">
        {t('payment.balance.statement')}
      </Anchor>
    </SectionCard>
  );
}
