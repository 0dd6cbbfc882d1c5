import { Anchor, Button, Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { isNegativeAmount, useFormatters } from '@relais/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useBookMovement, useMatchDirectDebit, useMatchMovement, useUnmatchMovement, type BankMovementItem } from '../hooks/use-bank';
import { BookSection } from './BookSection';
import { DirectDebitBatchSummary, DirectDebitItemSummary } from './DirectDebitSummary';
import { MovementStatusBadge } from './MovementStatusBadge';
import { ProposalList } from './ProposalList';
import { SignedAmount } from './SignedAmount';
import { SplitSection } from './SplitSection';
import { UnmatchSection } from './UnmatchSection';

type Step = 'split' | 'book' | 'unmatch' | null;

/** One movement beside the list: what the bank says, and what to do with it (match, split, book, undo). */
export function MovementDrawer({
  movement,
  onClose,
  onChanged,
  onReload,
}: {
  movement: BankMovementItem | null;
  onClose: () => void;
  onChanged: (movement: BankMovementItem) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <Drawer
      opened={movement !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={movement ? t('bank.movement.title', { date: format.date(movement.bookingDate) }) : ''}
    >
      {movement && (
        <MovementPanel key={`${movement.id}-${movement.version}`} movement={movement} onChanged={onChanged} onReload={onReload} />
      )}
    </Drawer>
  );
}

function MovementPanel({
  movement,
  onChanged,
  onReload,
}: {
  movement: BankMovementItem;
  onChanged: (movement: BankMovementItem) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const [step, setStep] = useState<Step>(null);
  const action = useAction();
  const { match, busy: matchingInvoices } = useMatchMovement(movement);
  const directDebit = useMatchDirectDebit(movement);
  const matching = matchingInvoices || directDebit.busy;
  const { book, busy: booking } = useBookMovement(movement);
  const { unmatch, busy: unmatching } = useUnmatchMovement(movement);
  const debit = isNegativeAmount(movement.amount);
  const open = movement.status === 'UNMATCHED' || movement.status === 'PROPOSED';
  const done = (result: BankMovementItem | null | undefined) => {
    if (result) onChanged(result);
  };
  const toggle = (next: Step) => {
    action.clear();
    setStep(step === next ? null : next);
  };

  return (
    <Stack gap="md" data-testid="bank-movement">
      <Group justify="space-between">
        <SignedAmount amount={movement.amount} currency={movement.currency} size="lg" />
        <MovementStatusBadge status={movement.status} />
      </Group>
      <Stack gap={4}>
        <Detail label={t('bank.movement.label')} value={movement.label} />
        {movement.remittanceInfo && <Detail label={t('bank.movement.remittance')} value={movement.remittanceInfo} />}
        {movement.counterpartyName && <Detail label={t('bank.movement.counterparty')} value={movement.counterpartyName} />}
        {movement.counterpartyIban && <Detail label={t('bank.movement.iban')} value={movement.counterpartyIban} />}
      </Stack>
      {movement.status === 'MATCHED' && (
        <Stack gap={4} data-testid="bank-reconciliation">
          {movement.matchReason && <Detail label={t('bank.movement.matchReason')} value={movement.matchReason} />}
          {movement.directDebitBatch && (
            <Detail label={t('bank.movement.directDebitBatch')} value={<DirectDebitBatchSummary batch={movement.directDebitBatch} />} />
          )}
          {movement.directDebitItem && (
            <Detail
              label={t('bank.movement.directDebitReturn')}
              value={<DirectDebitItemSummary item={movement.directDebitItem} reasonCode={movement.returnReasonCode} />}
            />
          )}
          {movement.payment && (
            <Detail
              label={t('bank.movement.payment')}
              value={
                <>
                  {movement.payment.customer.name} —{' '}
                  <Anchor component={Link} to={financePaths.payment(movement.payment.id)} size="sm">
                    {t('bank.movement.openPayment')}
                  </Anchor>
                </>
              }
            />
          )}
        </Stack>
      )}
      {movement.status === 'BOOKED' && movement.bookedAs && (
        <Text size="sm" data-testid="bank-reconciliation">
          {t('bank.movement.bookedAs', { kind: t(`bank.kind.${movement.bookedAs}`) })}
          {movement.bookedNote && ` — ${movement.bookedNote}`}
        </Text>
      )}
      <ActionError error={action.error} onReload={onReload} />
      {open && (!debit || movement.proposals.length > 0) && (
        <ProposalList
          movement={movement}
          busy={matching}
          onAccept={(proposal) => {
            if (proposal.kind !== 'INVOICES') {
              void action.run(() => directDebit.accept(proposal)).then(done);
              return;
            }
            const customerId = proposal.allocations[0]?.invoice.customer.id;
            if (!customerId) return;
            const allocations = proposal.allocations.map((allocation) => ({
              invoiceId: allocation.invoice.id,
              amount: allocation.amount,
            }));
            void action.run(() => match(customerId, allocations)).then(done);
          }}
        />
      )}
      {open && debit && movement.proposals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('bank.movement.debitNoMatch')}
        </Text>
      )}
      <Divider />
      <Group gap="sm">
        {open && !debit && (
          <Button variant={step === 'split' ? 'filled' : 'light'} onClick={() => toggle('split')}>
            {t('bank.split.action')}
          </Button>
        )}
        {open && (
          <Button variant={step === 'book' ? 'filled' : 'light'} color="gray" onClick={() => toggle('book')}>
            {t('bank.book.action')}
          </Button>
        )}
        {!open && (
          <Button variant={step === 'unmatch' ? 'filled' : 'light'} color="red" onClick={() => toggle('unmatch')}>
            {t('bank.unmatch.action')}
          </Button>
        )}
      </Group>
      {step === 'split' && (
        <SplitSection
          movement={movement}
          busy={matching}
          onSubmit={(customerId, allocations) => void action.run(() => match(customerId, allocations)).then(done)}
        />
      )}
      {step === 'book' && (
        <BookSection debit={debit} busy={booking} onSubmit={(kind, note) => void action.run(() => book(kind, note)).then(done)} />
      )}
      {step === 'unmatch' && (
        <UnmatchSection
          directDebit={movement.matchKind === 'DIRECT_DEBIT_BATCH' || movement.matchKind === 'DIRECT_DEBIT_RETURN'}
          busy={unmatching}
          onSubmit={(reason) => void action.run(() => unmatch(reason)).then(done)}
        />
      )}
    </Stack>
  );
}

function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
