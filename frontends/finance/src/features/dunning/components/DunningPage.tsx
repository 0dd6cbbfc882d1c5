import { Alert, Badge, Button, Group, Stack, Tabs, TextInput } from '@mantine/core';
import { PageHeader, todayInParis, useFormatters } from '@relais/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DunningRunSummaryFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { LOCAL_DATE, isFinished, useDunningPreview, useDunningRun, useDunningTotals } from '../hooks/use-dunning';
import { useExclusions } from '../hooks/use-exclusions';
import { HeldTab } from './HeldTab';
import { HistoryTab } from './HistoryTab';
import { RunPanel } from './RunPanel';
import { SendConfirmModal } from './SendConfirmModal';
import { SettingsTab } from './SettingsTab';
import { ToSendTab } from './ToSendTab';

const tabs = ['to-send', 'held', 'history', 'settings'] as const;
type DunningTab = (typeof tabs)[number];
const isTab = (value: string | null): value is DunningTab => tabs.some((tab) => tab === value);

/**
 * "Relances": the reminders due today (or on another day, to look ahead), the invoices held back,
 * the runs already made and the levels; the run itself, for today, followed to its outcome.
 */
export function DunningPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedTab = searchParams.get('tab');
  const tab: DunningTab = isTab(requestedTab) ? requestedTab : 'to-send';
  const runId = searchParams.get('run');
  const previewTab = tab === 'to-send' || tab === 'held';
  const navigate = (next: { tab?: DunningTab; run?: string | null }) => {
    const params = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'to-send') params.set('tab', nextTab);
    const nextRun = next.run === undefined ? runId : next.run;
    if (nextRun) params.set('run', nextRun);
    setSearchParams(params);
  };

  const today = todayInParis();
  const [date, setDate] = useState(today);
  const dateValid = LOCAL_DATE.test(date);
  const isToday = date === today;
  const { preview, updating, loading, error, retry } = useDunningPreview(date);
  const previewIds = useMemo(() => preview?.reminders.map((reminder) => reminder.invoice.id) ?? [], [preview]);
  const exclusions = useExclusions(previewIds);
  const { totals, updating: totalsUpdating } = useDunningTotals(preview, exclusions.ids);
  const problemCount = preview?.reminders.filter((reminder) => reminder.problem && !exclusions.has(reminder.invoice.id)).length ?? 0;

  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<DunningRunSummaryFragment | null>(null);
  const followed = useDunningRun(runId);
  /** While the run followed sends, the preview would show what it is sending: it comes back once the run has finished. */
  const running = runId !== null && (followed.run ? !isFinished(followed.run.state) : started?.id === runId);
  const canSend = isToday && !running && !updating && !totalsUpdating && preview !== null && totals !== null && totals.count > 0;

  const changeDate = (value: string) => {
    setDate(value);
    exclusions.clear();
  };

  return (
    <>
      <PageHeader title={t('dunning.title')} subtitle={t('dunning.subtitle')}>
        {/* The day previewed and the sending belong to the preview's tabs; history and settings have neither. */}
        {previewTab && (
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('dunning.date')}
              value={date}
              required
              error={dateValid ? undefined : t('dunning.invalidDate')}
              onChange={(event) => changeDate(event.currentTarget.value)}
            />
            <Button onClick={() => setConfirming(true)} disabled={!canSend} data-testid="dunning-send">
              {t('dunning.send')}
            </Button>
          </Group>
        )}
      </PageHeader>
      <Stack>
        {!isToday && dateValid && previewTab && (
          <Alert color="yellow" title={t('dunning.otherDay.title', { date: format.date(date) })} data-testid="dunning-other-day">
            <Group justify="space-between" align="center">
              {t('dunning.otherDay.body')}
              <Button size="xs" variant="light" color="yellow" onClick={() => changeDate(today)}>
                {t('dunning.otherDay.back')}
              </Button>
            </Group>
          </Alert>
        )}
        {runId && <RunPanel followed={followed} started={started?.id === runId ? started : null} onClose={() => navigate({ run: null })} />}
        <Tabs value={tab} onChange={(value) => isTab(value) && navigate({ tab: value })} keepMounted={false}>
          <Tabs.List aria-label={t('dunning.title')} mb="md">
            <Tabs.Tab value="to-send" rightSection={preview && <CountBadge count={preview.reminders.length} />}>
              {t('dunning.tab.toSend')}
            </Tabs.Tab>
            <Tabs.Tab value="held" rightSection={preview && <CountBadge count={preview.held.length} />}>
              {t('dunning.tab.held')}
            </Tabs.Tab>
            <Tabs.Tab value="history">{t('dunning.tab.history')}</Tabs.Tab>
            <Tabs.Tab value="settings">{t('dunning.tab.settings')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="to-send">
            <ToSendTab
              preview={preview}
              totals={totals}
              stale={updating || totalsUpdating}
              loading={loading}
              error={error}
              retry={retry}
              running={running}
              exclusions={exclusions}
              problemCount={problemCount}
            />
          </Tabs.Panel>
          <Tabs.Panel value="held">
            <HeldTab preview={preview} loading={loading} error={error} retry={retry} running={running} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryTab onOpen={(id) => navigate({ run: id })} />
          </Tabs.Panel>
          <Tabs.Panel value="settings">
            <SettingsTab />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {confirming && preview && totals && (
        <SendConfirmModal
          date={preview.date}
          totals={totals}
          excludedInvoiceIds={exclusions.ids}
          problemCount={problemCount}
          onClose={() => setConfirming(false)}
          onStarted={(run) => {
            setConfirming(false);
            setStarted(run);
            exclusions.clear();
            navigate({ tab: 'to-send', run: run.id });
          }}
        />
      )}
    </>
  );
}

function CountBadge({ count }: { count: number }) {
  return (
    <Badge size="sm" variant="light" color={count > 0 ? 'blue' : 'gray'} circle={count < 10}>
      {count}
    </Badge>
  );
}
