import { Anchor, Button, Card, Stack, Table, Text } from '@mantine/core';
import { ConfirmModal, useAction } from '@relais/session';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useSetDispute, useSetPromise } from '../hooks/use-collection-actions';
import type { DunningPreview, HeldReminder } from '../hooks/use-dunning';
import { HoldReasonBadge } from './HoldReasonBadge';

/** "Suspendues": the overdue invoices that get no reminder today, with why; a dispute or a promise can be ended from here. */
export function HeldTab({
  preview,
  loading,
  error,
  retry,
  running,
}: {
  preview: DunningPreview | null;
  loading: boolean;
  error: unknown;
  retry: () => void;
  running: boolean;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [ending, setEnding] = useState<HeldReminder | null>(null);
  if (running)
    return (
      <Text c="dimmed" size="sm">
        {t('dunning.previewAfterRun')}
      </Text>
    );
  return (
    <Stack>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        preview &&
        (preview.held.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('dunning.held.empty', { date: format.date(preview.date) })}
          </Text>
        ) : (
          <Card withBorder padding={0} radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing={6} data-testid="dunning-held">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dunning.column.invoice')}</Table.Th>
                    <Table.Th>{t('dunning.column.customer')}</Table.Th>
                    <Table.Th>{t('dunning.column.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('dunning.column.openBalance')}</Table.Th>
                    <Table.Th>{t('dunning.column.reason')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.held.map((held) => (
                    <HeldRow key={held.invoice.id} held={held} onEnd={() => setEnding(held)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ))
      )}
      {ending && <EndHoldModal held={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}

function HeldRow({ held, onEnd }: { held: HeldReminder; onEnd: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const state = held.invoice.collectionState;
  const detail =
    held.reason === 'DISPUTED'
      ? state.disputeReason
      : held.reason === 'PROMISE' && state.promiseNote
        ? t('dunning.held.promiseNote', { note: state.promiseNote })
        : null;
  return (
    <Table.Tr data-testid="dunning-held-line" data-invoice={held.invoiceNumber} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Anchor component={Link} to={billingPaths.invoice(held.invoice.id)} size="sm" fw={600}>
          {held.invoiceNumber}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={billingPaths.customer(held.customer.id)} size="sm" c="dark">
          {held.customerName}
        </Anchor>
      </Table.Td>
      <Table.Td>{format.date(held.dueDate)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {format.money(held.openBalance)}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <HoldReasonBadge reason={held.reason} />
          <Text size="xs" c="dimmed" data-testid="hold-message">
            {held.message}
          </Text>
          {detail && (
            <Text size="xs" fs="italic" data-testid="hold-detail">
              {detail}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        {held.reason === 'DISPUTED' && (
          <Button size="compact-xs" variant="light" onClick={onEnd} aria-label={t('dunning.held.liftOf', { number: held.invoiceNumber })}>
            {t('dunning.held.lift')}
          </Button>
        )}
        {held.reason === 'PROMISE' && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={onEnd}
            aria-label={t('dunning.held.withdrawOf', { number: held.invoiceNumber })}
          >
            {t('dunning.held.withdraw')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Lifts the dispute or withdraws the promise: the invoice is reminded again from the next run. */
function EndHoldModal({ held, onClose }: { held: HeldReminder; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const dispute = useSetDispute();
  const promise = useSetPromise();
  const action = useAction();
  const disputed = held.reason === 'DISPUTED';
  const confirm = async () => {
    const done = await action.run(() => (disputed ? dispute.lift(held.invoice.id) : promise.withdraw(held.invoice.id)));
    if (done) onClose();
  };
  return (
    <ConfirmModal
      title={t(disputed ? 'dunning.held.liftTitle' : 'dunning.held.withdrawTitle', { number: held.invoiceNumber })}
      confirmLabel={t(disputed ? 'dunning.held.lift' : 'dunning.held.withdraw')}
      busy={dispute.busy || promise.busy}
      error={action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {t(disputed ? 'dunning.held.liftBody' : 'dunning.held.withdrawBody', { customer: held.customerName })}
    </ConfirmModal>
  );
}
