import { Anchor, Table, Text } from '@mantine/core';
import { isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgeingBucket } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { startOfYear } from '../../customer-statement/hooks/statement-period';
import { AGEING_COLUMNS } from '../hooks/ageing-view';
import type { AgeingRow as Row } from '../hooks/use-ageing';
import { AgeingItems } from './AgeingItems';
import { AmountCell } from './AmountCell';

export const AGEING_TABLE_COLUMNS = AGEING_COLUMNS.length + 3;

/**
 * A customer's line: each amount opens the items behind it below the line (a bucket's, or all for
 * the total), the last cell leads to the customer's statement up to the same date.
 */
export function AgeingRow({
  row,
  asOf,
  expanded,
  onExpand,
}: {
  row: Row;
  asOf: string;
  /** The column whose items are shown under the line (null: all of them), or undefined when closed. */
  expanded: AgeingBucket | null | undefined;
  onExpand: (bucket: AgeingBucket | null | undefined) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const customer = row.customerName;
  const toggle = (bucket: AgeingBucket | null) => onExpand(expanded === bucket ? undefined : bucket);
  return (
    <>
      <Table.Tr data-testid="ageing-row" data-customer={customer} bg={expanded === undefined ? undefined : 'blue.0'}>
        <Table.Td>
          <Text size="sm" fw={600}>
            {customer}
          </Text>
          <Text size="xs" c="dimmed">
            {row.customer.code}
            {isPositiveAmount(row.unallocatedPayments) &&
              ` · ${t('receivables.ageing.unallocated', { amount: format.money(row.unallocatedPayments) })}`}
          </Text>
        </Table.Td>
        {AGEING_COLUMNS.map(({ bucket, field }) => (
          <Table.Td key={bucket} ta="right" data-testid={`ageing-${bucket}`}>
            <AmountCell
              amount={row.buckets[field]}
              label={t('receivables.ageing.showItems', { customer, column: t(`receivables.bucket.${bucket}`) })}
              expanded={expanded === bucket}
              onToggle={() => toggle(bucket)}
            />
          </Table.Td>
        ))}
        <Table.Td ta="right" data-testid="ageing-total" fw={700}>
          <AmountCell
            amount={row.total}
            label={t('receivables.ageing.showItems', { customer, column: t('receivables.ageing.allItems') })}
            expanded={expanded === null}
            onToggle={() => toggle(null)}
          />
        </Table.Td>
        <Table.Td>
          <Anchor
            component={Link}
            to={financePaths.statement(row.customer.id, { from: startOfYear(asOf), to: asOf })}
            size="sm"
            aria-label={t('receivables.ageing.statementOf', { customer })}
          >
            {t('receivables.ageing.column.statement')}
          </Anchor>
        </Table.Td>
      </Table.Tr>
      {expanded !== undefined && (
        <Table.Tr bg="gray.0">
          <Table.Td colSpan={AGEING_TABLE_COLUMNS} px="xl" py="sm">
            <AgeingItems customerId={row.customer.id} asOf={asOf} bucket={expanded} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
