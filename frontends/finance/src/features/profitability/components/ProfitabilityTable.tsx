import { Anchor, Badge, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfitabilityOrder } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { rateColor, rowPath, withCustomer } from '../hooks/profitability-view';
import type { ProfitabilityReport, ProfitabilityRow, ProfitabilityView } from '../hooks/use-profitability';

type Figures = Omit<ProfitabilityRow, 'key' | 'label' | 'customerId' | 'customerName' | '__typename'>;

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const SORTABLE: Partial<Record<string, ProfitabilityOrder>> = {
  label: 'LABEL',
  revenue: 'REVENUE',
  cost: 'COST',
  margin: 'MARGIN',
  marginRate: 'MARGIN_RATE',
};

/** One row per contract, customer, site or technician, the totals under them; headers sort the report. */
export function ProfitabilityTable({
  report,
  rows,
  view,
  onSort,
  labelOf,
  stale,
}: {
  report: ProfitabilityReport;
  rows: readonly ProfitabilityRow[];
  view: ProfitabilityView;
  onSort: (orderBy: ProfitabilityOrder) => void;
  labelOf: (row: ProfitabilityRow) => string;
  stale: boolean;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const customer = withCustomer(report.groupBy);
  const columns = [
    'label',
    ...(customer ? ['customer'] : []),
    'revenue',
    'labour',
    'parts',
    'travel',
    'cost',
    'margin',
    'marginRate',
    'hours',
    'interventions',
    'invoices',
  ];
  const headerOf = (c: string) => (c === 'label' ? t(`profitability.column.label.${report.groupBy}`) : t(`profitability.column.${c}`));
  const header = (c: string) => {
    const order = SORTABLE[c];
    const text = headerOf(c);
    if (!order) return text;
    const active = view.orderBy === order;
    return (
      <UnstyledButton onClick={() => onSort(order)} aria-label={t('profitability.sortBy', { column: text })} fw={600} fz="sm">
        {text}
        {active ? (view.descending ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    );
  };
  const figures = (r: Figures) => (
    <>
      <Table.Td ta="right" style={NO_WRAP}>
        {format.money(r.revenue)}
      </Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>
        {format.money(r.cost.labour)}
      </Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>
        {format.money(r.cost.parts)}
      </Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>
        {r.cost.travel === null ? t('profitability.travelUnknown') : format.money(r.cost.travel)}
      </Table.Td>
      <Table.Td ta="right" style={NO_WRAP}>
        {format.money(r.cost.total)}
        {r.costUnknownCount > 0 && (
          <Tooltip label={t('profitability.costUnknownHint')} multiline w={320}>
            <Badge ml={6} size="xs" color="orange" variant="light" data-testid="cost-unknown">
              {t('profitability.costUnknown', { count: r.costUnknownCount })}
            </Badge>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td ta="right" c={r.margin.startsWith('-') ? 'red.8' : undefined} style={NO_WRAP}>
        {format.money(r.margin)}
      </Table.Td>
      <Table.Td ta="right" miw={90}>
        {r.marginRate === null ? (
          t('profitability.noRate')
        ) : (
          <Text span size="sm" fw={700} c={`${rateColor(r.marginRate)}.8`} style={NO_WRAP} data-testid="margin-rate">
            {format.percent(r.marginRate)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{format.decimal(r.hours, 2)}</Table.Td>
      <Table.Td ta="right">{format.count(r.interventionCount)}</Table.Td>
      <Table.Td ta="right">{format.count(r.invoiceCount)}</Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={1400}>
      <Table striped highlightOnHover verticalSpacing="xs" style={{ opacity: stale ? 0.6 : 1 }} data-testid="profitability-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} ta={c === 'label' || c === 'customer' ? undefined : 'right'}>
                {header(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const path = rowPath(report.groupBy, row);
            const label = labelOf(row);
            return (
              <Table.Tr key={row.key ?? 'none'} data-testid="profitability-row">
                <Table.Td miw={240}>
                  {path ? (
                    <Anchor component={Link} to={path} size="sm" aria-label={t(`profitability.open.${report.groupBy}`, { label })}>
                      {label}
                    </Anchor>
                  ) : (
                    <Text size="sm" fs="italic">
                      {label}
                    </Text>
                  )}
                </Table.Td>
                {customer && <Table.Td miw={160}>{row.customerName ?? ''}</Table.Td>}
                {figures(row)}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="profitability-totals">
            <Table.Td>{t('profitability.total')}</Table.Td>
            {customer && <Table.Td />}
            {figures(report.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
