import { Anchor, Table, Text } from '@mantine/core';
import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths, financePaths } from '../../../routes';
import type { CustomerStatement } from '../hooks/use-customer-statement';

type Movement = CustomerStatement['movements'][number];

/** Where a movement's reference leads: the invoice or credit note, or the payment. */
function pathOf(movement: Movement): string | null {
  if (movement.invoice)
    return movement.kind === 'CREDIT_NOTE' ? billingPaths.creditNote(movement.invoice.id) : billingPaths.invoice(movement.invoice.id);
  return movement.payment ? financePaths.payment(movement.payment.id) : null;
}

/** The period's movements in date order as the server lists them, between the opening and the closing balance. */
export function StatementMovementsTable({ statement }: { statement: CustomerStatement }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const amount = (value: string) => (isPositiveAmount(value) ? format.money(value) : '');
  return (
    <SectionCard title={t('statement.movements.title', { from: format.date(statement.from), to: format.date(statement.to) })}>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={6} striped data-testid="statement-movements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('statement.movements.date')}</Table.Th>
              <Table.Th w={160}>{t('statement.movements.reference')}</Table.Th>
              <Table.Th>{t('statement.movements.label')}</Table.Th>
              <Table.Th ta="right">{t('statement.movements.debit')}</Table.Th>
              <Table.Th ta="right">{t('statement.movements.credit')}</Table.Th>
              <Table.Th ta="right">{t('statement.movements.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr fw={600}>
              <Table.Td colSpan={5}>{t('statement.movements.opening', { date: format.date(statement.from) })}</Table.Td>
              <Table.Td ta="right">{format.money(statement.openingBalance)}</Table.Td>
            </Table.Tr>
            {statement.movements.map((movement, index) => {
              const path = pathOf(movement);
              return (
                <Table.Tr key={index} data-testid="statement-movement">
                  <Table.Td>{format.date(movement.date)}</Table.Td>
                  <Table.Td>
                    {path && movement.reference ? (
                      <Anchor component={Link} to={path} size="sm">
                        {movement.reference}
                      </Anchor>
                    ) : (
                      (movement.reference ?? '—')
                    )}
                  </Table.Td>
                  <Table.Td>{movement.label}</Table.Td>
                  <Table.Td ta="right">{amount(movement.debit)}</Table.Td>
                  <Table.Td ta="right">{amount(movement.credit)}</Table.Td>
                  <Table.Td ta="right">{format.money(movement.balance)}</Table.Td>
                </Table.Tr>
              );
            })}
            {statement.movements.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed" ta="center">
                    {t('statement.movements.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600} style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}>
              <Table.Td colSpan={3}>{t('statement.movements.totals')}</Table.Td>
              <Table.Td ta="right">{format.money(statement.totalDebit)}</Table.Td>
              <Table.Td ta="right">{format.money(statement.totalCredit)}</Table.Td>
              <Table.Td />
            </Table.Tr>
            <Table.Tr fw={700}>
              <Table.Td colSpan={5}>{t('statement.movements.closing', { date: format.date(statement.to) })}</Table.Td>
              <Table.Td ta="right" data-testid="statement-movements-closing">
                {format.money(statement.closingBalance)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
