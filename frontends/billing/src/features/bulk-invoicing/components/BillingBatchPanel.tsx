import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState, RunStateBadge, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BillingBatchResultStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { documentPath } from '../../../routes';
import { isFinished, useBillingBatch, type BillingBatch, type BillingBatchResult } from '../hooks/use-bulk-invoicing';

const statusColor: Record<BillingBatchResultStatus, string> = {
  PENDING: 'gray',
  ISSUED: 'blue',
  SENT: 'green',
  FAILED: 'red',
  SEND_FAILED: 'orange',
};

/** A bulk invoicing batch followed live (every second) until it has finished: its progress bar, then one row per invoice. */
export function BillingBatchPanel({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { batch, loading, error, retry } = useBillingBatch(batchId);

  return (
    <Card withBorder padding="lg" radius="md" mb="md" data-testid="batch-panel" aria-live="polite">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={2} size="h4">
            {batch ? t(`bulkInvoicing.batch.title.${batch.kind}`) : t('bulkInvoicing.batch.title.INTERVENTIONS')}
          </Title>
          {batch && <RunStateBadge state={batch.state} />}
          {batch && (
            <Text size="sm" c="dimmed">
              {t('bulkInvoicing.batch.startedAt', { date: format.dateTime(batch.createdAt) })}
            </Text>
          )}
        </Group>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {t('bulkInvoicing.batch.close')}
        </Button>
      </Group>
      {error && <ErrorNotice onRetry={retry} />}
      {loading && <LoadingState />}
      {batch && (
        <Stack>
          <BatchProgress batch={batch} />
          <BatchResults results={batch.results} />
        </Stack>
      )}
    </Card>
  );
}

function BatchProgress({ batch }: { batch: BillingBatch }) {
  const { t } = useTranslation(billingNamespace);
  const { progress } = batch;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  if (isFinished(batch.state)) {
    const parts = [
      batch.send
        ? t('bulkInvoicing.batch.summary.sent', { count: progress.sent })
        : t('bulkInvoicing.batch.summary.issued', { count: progress.issued }),
      progress.notSent > 0 ? t('bulkInvoicing.batch.summary.notSent', { count: progress.notSent }) : null,
      progress.failed > 0 ? t('bulkInvoicing.batch.summary.failed', { count: progress.failed }) : null,
    ].filter(Boolean);
    const clean = batch.state === 'SUCCEEDED' && progress.failed === 0 && progress.notSent === 0;
    return (
      <Alert color={batch.state === 'FAILED' ? 'red' : clean ? 'green' : 'orange'} data-testid="batch-summary">
        {batch.state === 'FAILED' ? `${t('bulkInvoicing.batch.failed')} ` : ''}
        {parts.join(' · ')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="batch-progress">
      <Progress
        value={batch.state === 'QUEUED' ? 100 : percent}
        size="xl"
        animated
        striped={batch.state === 'QUEUED'}
        color={batch.state === 'QUEUED' ? 'gray' : 'blue'}
        aria-label={t('bulkInvoicing.batch.progressLabel')}
      />
      <Text size="sm">
        {batch.state === 'QUEUED'
          ? t('bulkInvoicing.batch.queued')
          : t('bulkInvoicing.batch.progress', { done: progress.done, total: progress.total })}
      </Text>
    </Stack>
  );
}

function BatchResults({ results }: { results: readonly BillingBatchResult[] }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} striped data-testid="batch-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bulkInvoicing.batch.column.customer')}</Table.Th>
            <Table.Th>{t('bulkInvoicing.batch.column.invoice')}</Table.Th>
            <Table.Th>{t('bulkInvoicing.batch.column.status')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('bulkInvoicing.batch.column.net')}
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('bulkInvoicing.batch.column.gross')}
            </Table.Th>
            <Table.Th>{t('bulkInvoicing.batch.column.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.map((result) => (
            <Table.Tr key={result.id} data-testid="batch-result" data-status={result.status}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {result.label}
                </Text>
              </Table.Td>
              <Table.Td>
                {result.invoice ? (
                  <Anchor
                    component={Link}
                    to={documentPath(result.invoice)}
                    size="sm"
                    fw={500}
                    style={{ whiteSpace: 'nowrap' }}
                    data-testid="batch-result-invoice"
                  >
                    {result.invoiceNumber ?? t('invoice.draft')}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('bulkInvoicing.batch.notIssued')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {/* The whole status, never cut ("ÉMISE ET EN…"): the column takes its width. */}
                <Badge
                  color={statusColor[result.status]}
                  variant="light"
                  styles={{ label: { overflow: 'visible' } }}
                  data-testid="batch-result-status"
                >
                  {t(`bulkInvoicing.batch.status.${result.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(result.totalNet)}
              </Table.Td>
              <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="batch-result-gross">
                {format.money(result.totalGross)}
              </Table.Td>
              <Table.Td>
                {result.errorMessage ? (
                  <Text size="sm" c={result.status === 'FAILED' ? 'red.8' : 'orange.9'} data-testid="batch-result-error">
                    {result.errorMessage}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {result.recipients.join(', ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
