import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useExclusions } from '../../dunning/hooks/use-exclusions';
import { batchSelection } from '../hooks/batch-selection';
import { LOCAL_DATE, useCollectionCalendar, useDirectDebitCandidates } from '../hooks/use-new-batch';
import { BatchTotals } from './BatchTotals';
import { BlockedTable } from './BlockedTable';
import { CandidateTable } from './CandidateTable';
import { CreateBatchModal } from './CreateBatchModal';

/**
 * "Nouveau lot": the invoices a batch collecting on the chosen date takes, exactly as the server
 * plans it; the accountant unticks those not to collect, sees the batch's count and amount, and
 * creates it (then lands on its page, with the pain.008 file to download).
 */
export function NewBatchTab({ creditorReady }: { creditorReady: boolean }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const calendar = useCollectionCalendar();
  const [chosen, setChosen] = useState<string | null>(null);
  const date = chosen ?? calendar.earliest;
  const dateValid = date !== null && LOCAL_DATE.test(date);
  const { plan, updating, loading, error, retry } = useDirectDebitCandidates(date);
  const candidateIds = useMemo(() => plan?.candidates.map((candidate) => candidate.invoice.id) ?? [], [plan]);
  const exclusions = useExclusions(candidateIds);
  const selection = plan ? batchSelection(plan.candidates, exclusions.has) : null;
  const [confirming, setConfirming] = useState(false);
  const problem = plan?.collectionDateProblem ?? null;
  const canCreate = creditorReady && !updating && plan !== null && problem === null && selection !== null && selection.count > 0;

  const changeDate = (value: string) => {
    setChosen(value);
    exclusions.clear();
  };

  if (calendar.error) return <ErrorNotice onRetry={calendar.retry} />;
  if (date === null) return <LoadingState />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            w={300}
            label={t('directDebit.newBatch.collectionDate')}
            description={
              calendar.earliest ? t('directDebit.newBatch.collectionDateHint', { earliest: format.date(calendar.earliest) }) : undefined
            }
            required
            min={calendar.earliest ?? undefined}
            max={calendar.latest ?? undefined}
            value={date}
            error={dateValid ? undefined : t('directDebit.newBatch.invalidDate')}
            onChange={(event) => changeDate(event.currentTarget.value)}
          />
          {updating && dateValid && (
            <Group gap="xs" c="dimmed" aria-live="polite" pb={8}>
              <Loader size="xs" />
              <Text size="sm">{t('directDebit.newBatch.updating')}</Text>
            </Group>
          )}
        </Group>
        <Button onClick={() => setConfirming(true)} disabled={!canCreate} data-testid="create-batch">
          {t('directDebit.newBatch.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('directDebit.newBatch.explanation')}
      </Text>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {problem && !updating && (
        <Alert color="red" data-testid="collection-date-problem">
          <Group justify="space-between" align="center">
            <Text size="sm">
              {problem.message} ({problem.code})
            </Text>
            <Button size="xs" variant="light" color="red" onClick={() => changeDate(problem.suggestedDate)}>
              {t('directDebit.newBatch.useDate', { date: format.date(problem.suggestedDate) })}
            </Button>
          </Group>
        </Alert>
      )}
      {loading ? (
        <LoadingState />
      ) : (
        plan &&
        selection && (
          <>
            <BatchTotals count={selection.count} amount={selection.amount} excludedCount={exclusions.ids.length} stale={updating} />
            {exclusions.ids.length > 0 && (
              <Group gap="sm" data-testid="batch-excluded">
                <Text size="sm" c="orange.9">
                  {t('directDebit.newBatch.excludedCount', { count: exclusions.ids.length })}
                </Text>
                <Button size="compact-xs" variant="light" color="orange" onClick={exclusions.clear}>
                  {t('directDebit.newBatch.restoreAll')}
                </Button>
              </Group>
            )}
            {plan.candidates.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg" data-testid="candidates-empty">
                {t('directDebit.newBatch.empty', { date: format.date(plan.collectionDate) })}
              </Text>
            ) : (
              <CandidateTable candidates={plan.candidates} exclusions={exclusions} />
            )}
            {plan.blocked.length > 0 && <BlockedTable blocked={plan.blocked} />}
          </>
        )
      )}
      {confirming && plan && selection && (
        <CreateBatchModal
          collectionDate={plan.collectionDate}
          selection={selection}
          onClose={() => setConfirming(false)}
          onCreated={(batchId) => void navigate(financePaths.directDebitBatch(batchId))}
        />
      )}
    </Stack>
  );
}
