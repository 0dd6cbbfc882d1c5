import { Anchor, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, todayInParis, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { periodProblem } from '../../customer-statement/hooks/statement-period';
import { CsvButton } from '../../dashboard/components/CsvButton';
import { balanceCsv, balancePeriod, changedParams, entriesOfAccount } from '../hooks/accounting-view';
import { useFiscalYearStart, useLedgerBalance } from '../hooks/use-accounting';

const COLUMNS = ['account', 'label', 'debit', 'credit', 'balance'] as const;
const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(['debit', 'credit', 'balance']);

/** "Balance": debits, credits and balance per account over a period (the fiscal year to date by default); an account opens its entries. */
export function BalanceTab() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const today = todayInParis();
  const yearStart = useFiscalYearStart(today);
  const period = yearStart === null ? null : balancePeriod(params, today, yearStart);
  const problem = period && periodProblem(period.from, period.to);
  const { balance, updating, loading, error, retry } = useLedgerBalance(period && !problem ? period : null);
  const change = (changes: Record<string, string>) => setParams(changedParams(params, changes), { replace: true });
  const headers = COLUMNS.map((column) => t(`accounting.balance.column.${column}`));
  const dateError = (field: 'from' | 'to') => (problem?.field === field ? t(`accounting.${problem.problem}`) : undefined);
  if (!period) return <LoadingState />;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-start">
          <TextInput
            type="date"
            label={t('accounting.from')}
            value={period.from}
            error={dateError('from')}
            onChange={(event) => change({ from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('accounting.to')}
            value={period.to}
            error={dateError('to')}
            onChange={(event) => change({ to: event.currentTarget.value })}
          />
        </Group>
        <CsvButton
          fileName={t('accounting.balance.file', period)}
          disabled={!balance || balance.rows.length === 0 || updating}
          content={() => (balance ? balanceCsv(balance, headers, t('accounting.total')) : '')}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('accounting.balance.hint')}
      </Text>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        balance &&
        !problem &&
        (balance.rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('accounting.balance.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="ledger-balance" opacity={updating ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((column, i) => (
                  <Table.Th key={column} ta={AMOUNT_COLUMNS.has(column) ? 'right' : undefined}>
                    {headers[i]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {balance.rows.map((row) => (
                <Table.Tr
                  key={row.account}
                  data-testid="balance-row"
                  data-account={row.account}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setParams(entriesOfAccount(row.account, period))}
                >
                  <Table.Td>
                    <Anchor
                      component="button"
                      ff="monospace"
                      size="sm"
                      aria-label={t('accounting.balance.openAccount', { account: row.account })}
                    >
                      {row.account}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{row.label ?? '—'}</Table.Td>
                  <Table.Td ta="right">{format.money(row.debit)}</Table.Td>
                  <Table.Td ta="right">{format.money(row.credit)}</Table.Td>
                  <Table.Td ta="right">{format.money(row.balance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td colSpan={2}>
                  <Group gap="xs">
                    {t('accounting.total')}
                    <Badge color={balance.totalDebit === balance.totalCredit ? 'green' : 'red'} variant="light">
                      {t(balance.totalDebit === balance.totalCredit ? 'accounting.balance.balanced' : 'accounting.balance.unbalanced')}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" data-testid="balance-total-debit">
                  {format.money(balance.totalDebit)}
                </Table.Td>
                <Table.Td ta="right" data-testid="balance-total-credit">
                  {format.money(balance.totalCredit)}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        ))
      )}
    </Stack>
  );
}
