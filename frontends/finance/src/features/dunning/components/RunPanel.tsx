import { Alert, Anchor, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState, RunStateBadge, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DunningRunSummaryFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { isFinished, type DunningRun, type useDunningRun } from '../hooks/use-dunning';

/** A run followed live (every second) until it has finished, then what it sent and what it could not. */
export function RunPanel({
  followed,
  started,
  onClose,
}: {
  followed: ReturnType<typeof useDunningRun>;
  /** The run as the mutation answered (queued), shown until its first reading arrives. */
  started: DunningRunSummaryFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { run: current, loading, error, retry } = followed;
  const run = current ?? started;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="dunning-run-panel" aria-live="polite">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>{run ? t('dunning.run.title', { date: format.date(run.runOn) }) : t('dunning.send')}</Title>
          {run && <RunStateBadge state={run.state} />}
          {run && (
            <Text size="sm" c="dimmed">
              {t(`dunning.trigger.${run.trigger === 'DAILY' ? 'DAILY' : 'MANUAL'}`)} · {format.dateTime(run.createdAt)}
            </Text>
          )}
        </Group>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
      {error && <ErrorNotice onRetry={retry} />}
      {loading && !run && <LoadingState />}
      {current && isFinished(current.state) ? <RunResult run={current} /> : run && <RunProgress run={run} />}
    </Card>
  );
}

function RunProgress({ run }: { run: DunningRunSummaryFragment }) {
  const { t } = useTranslation(financeNamespace);
  const done = run.sent + run.failed;
  const percent = run.planned > 0 ? Math.round((done / run.planned) * 100) : 0;
  const queued = run.state === 'QUEUED';
  return (
    <Stack gap="xs" data-testid="dunning-run-progress">
      <Progress
        value={queued ? 100 : percent}
        size="xl"
        animated
        striped={queued}
        color={queued ? 'gray' : 'blue'}
        aria-label={t('dunning.run.progressLabel')}
      />
      <Text size="sm">{queued ? t('dunning.run.queued') : t('dunning.run.done', { done, total: run.planned })}</Text>
    </Stack>
  );
}

function RunResult({ run }: { run: DunningRun }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Stack data-testid="dunning-run-result">
      {run.state === 'FAILED' ? (
        <Alert color="red" data-testid="dunning-run-summary">
          {t('dunning.run.failedRun', { count: run.sent })}
        </Alert>
      ) : (
        <Alert color={run.failed > 0 ? 'orange' : 'green'} data-testid="dunning-run-summary">
          {t('dunning.run.sent', { count: run.sent })}
          {run.failed > 0 && ` ${t('dunning.run.failed', { count: run.failed })}`}
          {run.planned === 0 && ` ${t('dunning.run.nothing')}`}
          {run.sent > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('dunning.run.delivery')}
            </Text>
          )}
        </Alert>
      )}
      {run.errors.length > 0 && (
        <div>
          <Title order={5} mb="xs">
            {t('dunning.run.errors')}
          </Title>
          <Table verticalSpacing={4} data-testid="dunning-run-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dunning.column.invoice')}</Table.Th>
                <Table.Th>{t('dunning.column.customer')}</Table.Th>
                <Table.Th>{t('dunning.column.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.errors.map((error) => (
                <Table.Tr key={error.invoice.id} data-testid="dunning-run-error">
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(error.invoice.id)} size="sm" fw={500}>
                      {error.invoice.number ?? error.invoice.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{error.invoice.customer.name}</Text>
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
