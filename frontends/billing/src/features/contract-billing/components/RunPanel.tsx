import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState, RunStateBadge, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContractBillingRunSummaryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { isFinished, type ContractBillingRun, type useContractBillingRun } from '../hooks/use-contract-billing';
import { runModeKey } from './run-mode';

/** A run followed live (progress every second) until it has finished, then what it billed and what it could not. */
export function RunPanel({
  followed,
  started,
  onClose,
}: {
  followed: ReturnType<typeof useContractBillingRun>;
  /** The run as the mutation answered (queued), shown until its first reading arrives. */
  started: ContractBillingRunSummaryFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { run: current, loading, error, retry } = followed;
  const run = current ?? started;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="run-panel" aria-live="polite">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>
            {run ? t('contractBilling.progress.title', { date: format.date(run.billingDate) }) : t('contractBilling.run')}
          </Title>
          {run && <RunStateBadge state={run.state} />}
          {run && (
            <Text size="sm" c="dimmed">
              {t(`contractBilling.runMode.${runModeKey(run)}`)} · {format.dateTime(run.createdAt)}
            </Text>
          )}
        </Group>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {t('contractBilling.progress.close')}
        </Button>
      </Group>
      {error && <ErrorNotice onRetry={retry} />}
      {loading && !run && <LoadingState />}
      {current && isFinished(current.state) ? <RunResult run={current} /> : run && <RunProgress run={run} />}
    </Card>
  );
}

function RunProgress({ run }: { run: ContractBillingRunSummaryFragment }) {
  const { t } = useTranslation(billingNamespace);
  const percent = run.contractsTotal > 0 ? Math.round((run.contractsDone / run.contractsTotal) * 100) : 0;
  return (
    <Stack gap="xs" data-testid="run-progress">
      <Progress
        value={run.state === 'QUEUED' ? 100 : percent}
        size="xl"
        animated
        striped={run.state === 'QUEUED'}
        aria-label={t('contractBilling.progress.label')}
        color={run.state === 'QUEUED' ? 'gray' : 'blue'}
      />
      <Group justify="space-between">
        <Text size="sm">
          {run.state === 'QUEUED'
            ? t('contractBilling.progress.queued')
            : t('contractBilling.progress.done', { done: run.contractsDone, total: run.contractsTotal })}
        </Text>
        <Text size="sm" fw={500} data-testid="run-progress-invoices">
          {t('contractBilling.progress.invoices', { count: run.invoiceCount })}
        </Text>
      </Group>
    </Stack>
  );
}

function RunResult({ run }: { run: ContractBillingRun }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Stack data-testid="run-result">
      {run.state === 'SUCCEEDED' ? (
        <Alert color="green" data-testid="run-summary">
          {t('contractBilling.result.succeeded', {
            count: run.invoiceCount,
            net: format.money(run.totalNet),
            gross: format.money(run.totalGross),
          })}
        </Alert>
      ) : (
        <Alert color="red" data-testid="run-summary">
          {t('contractBilling.result.failed')}
        </Alert>
      )}
      <div>
        <Title order={5} mb="xs">
          {t('contractBilling.result.invoices')}
        </Title>
        {run.invoices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contractBilling.result.noInvoices')}
          </Text>
        ) : (
          <Table verticalSpacing={4} striped data-testid="run-invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contractBilling.result.column.number')}</Table.Th>
                <Table.Th>{t('contractBilling.result.column.customer')}</Table.Th>
                <Table.Th>{t('contractBilling.result.column.status')}</Table.Th>
                <Table.Th ta="right">{t('contractBilling.result.column.net')}</Table.Th>
                <Table.Th ta="right">{t('contractBilling.result.column.gross')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.invoices.map((invoice) => {
                const number = invoice.number ?? t('contractBilling.result.draft');
                return (
                  <Table.Tr key={invoice.id} data-testid="run-invoice">
                    <Table.Td>
                      <Anchor component={Link} to={billingPaths.invoice(invoice.id)} fw={500}>
                        {number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{invoice.customer.name}</Table.Td>
                    <Table.Td>
                      <InvoiceStatusBadge status={invoice.status} />
                    </Table.Td>
                    <Table.Td ta="right">{format.money(invoice.totalNet, invoice.currency)}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="run-invoice-gross">
                      {format.money(invoice.totalGross, invoice.currency)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </div>
      {run.errors.length > 0 && (
        <div>
          <Title order={5} mb="xs">
            {t('contractBilling.result.errors')}
          </Title>
          <Table verticalSpacing={4} data-testid="run-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contractBilling.result.column.contract')}</Table.Th>
                <Table.Th>{t('contractBilling.result.column.code')}</Table.Th>
                <Table.Th>{t('contractBilling.result.column.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.errors.map((error) => (
                <Table.Tr key={`${error.contractId}:${error.code}`} data-testid="run-error">
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.contract(error.contractId)} size="sm" fw={500}>
                      {error.contractReference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light" size="sm">
                      {error.code}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{error.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
