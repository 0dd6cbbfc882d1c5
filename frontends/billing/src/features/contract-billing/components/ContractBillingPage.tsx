import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, todayInParis, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ContractBillingRunSummaryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { isFinished, useContractBillingPreview, useContractBillingRun } from '../hooks/use-contract-billing';
import { useLineExclusions } from '../hooks/use-line-exclusions';
import { ExcludedLinesNotice } from './ExcludedLinesNotice';
import { PreviewTable } from './PreviewTable';
import { PreviewTotals } from './PreviewTotals';
import { RunConfirmModal } from './RunConfirmModal';
import { RunHistory } from './RunHistory';
import { RunPanel } from './RunPanel';

/**
 * "Facturation des contrats": what a run on the chosen date would bill, contract by contract,
 * the lines the clerk leaves out, then the run itself followed to its invoices, and past runs.
 */
export function ContractBillingPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [searchParams, setSearchParams] = useSearchParams();
  const runId = searchParams.get('run');
  const [date, setDate] = useState(todayInParis);
  const exclusions = useLineExclusions();
  const { preview, updating, loading, error, retry } = useContractBillingPreview(date, exclusions.ids);
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<ContractBillingRunSummaryFragment | null>(null);
  const followed = useContractBillingRun(runId);
  /** While the run followed bills, the preview would show what it is billing: it comes back once the run has finished. */
  const running = runId !== null && (followed.run ? !isFinished(followed.run.state) : started?.id === runId);
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(date);

  const changeDate = (value: string) => {
    setDate(value);
    exclusions.clear();
  };

  return (
    <>
      <PageHeader title={t('contractBilling.title')} subtitle={t('contractBilling.subtitle')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('contractBilling.date')}
            value={date}
            required
            error={dateValid ? undefined : t('contractBilling.invalidDate')}
            onChange={(event) => changeDate(event.currentTarget.value)}
          />
          <Button
            onClick={() => setConfirming(true)}
            disabled={running || !dateValid || updating || !preview || preview.invoiceCount === 0}
            data-testid="contract-billing-run"
          >
            {t('contractBilling.run')}
          </Button>
        </Group>
      </PageHeader>
      <Stack>
        {runId && <RunPanel followed={followed} started={started?.id === runId ? started : null} onClose={() => setSearchParams({})} />}
        {error && <ErrorNotice onRetry={retry} />}
        {running ? (
          <Text c="dimmed" size="sm">
            {t('contractBilling.previewAfterRun')}
          </Text>
        ) : loading ? (
          <LoadingState />
        ) : (
          preview && (
            <>
              <PreviewTotals preview={preview} stale={updating} />
              {updating && (
                <Group gap="xs" c="dimmed" aria-live="polite">
                  <Loader size="xs" />
                  <Text size="sm">{t('contractBilling.updating')}</Text>
                </Group>
              )}
              <ExcludedLinesNotice exclusions={exclusions} />
              {preview.customers.length === 0 ? (
                <Text c="dimmed" ta="center" py="lg">
                  {t('contractBilling.empty', { date: format.date(preview.billingDate) })}
                </Text>
              ) : (
                <PreviewTable preview={preview} exclusions={exclusions} />
              )}
            </>
          )
        )}
        <RunHistory />
      </Stack>
      {confirming && preview && (
        <RunConfirmModal
          preview={preview}
          excludedLineIds={exclusions.ids}
          onClose={() => setConfirming(false)}
          onStarted={(run) => {
            setConfirming(false);
            setStarted(run);
            exclusions.clear();
            setSearchParams({ run: run.id });
          }}
        />
      )}
    </>
  );
}
