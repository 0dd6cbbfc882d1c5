import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useDeferredRevenue, usePostDeferredRevenue } from '../hooks/use-deferred-revenue';
import { DeferredRevenueDocuments } from './DeferredRevenueDocuments';
import { ProposedEntryTable } from './ProposedEntryTable';

/**
 * "Produits constatés d’avance" of a fiscal year: at a closing date (the year's end unless changed),
 * the documents billing days after it, the totals per account, the OD entry and its reversal the
 * day after, and "Comptabiliser" for those who may post (the server's refusals shown as they come).
 */
export function DeferredRevenueModal({ endsOn, canPost, onClose }: { endsOn: string; canPost: boolean; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [date, setDate] = useState(endsOn);
  const { proposal, loading, error, retry } = useDeferredRevenue(date);
  const { post, busy } = usePostDeferredRevenue();
  const action = useAction();
  const changeDate = (value: string) => {
    action.clear();
    setDate(value);
  };
  return (
    <Modal opened onClose={onClose} title={t('deferredRevenue.title')} size="xl">
      <Stack data-testid="deferred-revenue">
        <Text size="sm">{t('deferredRevenue.explanation')}</Text>
        <TextInput
          type="date"
          label={t('deferredRevenue.date')}
          value={date}
          onChange={(event) => changeDate(event.currentTarget.value)}
          w={200}
        />
        {error && <ErrorNotice onRetry={retry} />}
        {loading && <LoadingState />}
        {proposal && proposal.entry === null && <Text c="dimmed">{t('deferredRevenue.empty')}</Text>}
        {proposal && proposal.entry && (
          <>
            <DeferredRevenueDocuments proposal={proposal} />
            <ProposedEntryTable
              title={t('deferredRevenue.entry', { date: format.date(proposal.entry.entryDate) })}
              entry={proposal.entry}
              testId="deferred-revenue-entry"
            />
            {proposal.reversal && (
              <ProposedEntryTable
                title={t('deferredRevenue.reversal', { date: format.date(proposal.reversal.entryDate) })}
                entry={proposal.reversal}
                testId="deferred-revenue-reversal"
              />
            )}
          </>
        )}
        {proposal?.posting && (
          <Alert color="green" role="status">
            {t('deferredRevenue.posted', { date: format.dateTime(proposal.posting.postedAt), total: format.money(proposal.posting.total) })}
          </Alert>
        )}
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deferredRevenue.close')}
          </Button>
          {canPost && (
            <Button
              loading={busy}
              disabled={!proposal || proposal.entry === null || proposal.posting !== null}
              onClick={() => proposal && void action.run(() => post(proposal))}
            >
              {t('deferredRevenue.post')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
