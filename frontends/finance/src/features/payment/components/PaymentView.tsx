import { Alert, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { PaymentStatusBadge } from '../../payments/components/PaymentStatusBadge';
import { paymentActions, type PaymentAllocation, type PaymentDetail } from '../hooks/use-payment';
import { AllocateModal } from './AllocateModal';
import { AllocationsCard } from './AllocationsCard';
import { CustomerBalanceCard } from './CustomerBalanceCard';
import { PaymentSummaryCard } from './PaymentSummaryCard';
import { RefundModal } from './RefundModal';
import { RefundsCard } from './RefundsCard';
import { ReleaseAllocationModal } from './ReleaseAllocationModal';
import { ReversePaymentModal } from './ReversePaymentModal';

type Dialog = { kind: 'allocate' } | { kind: 'refund' } | { kind: 'reverse' } | { kind: 'release'; allocation: PaymentAllocation };

/** A payment: where its money went, the customer's balance, and what can still be done with it. */
export function PaymentView({ payment, reload }: { payment: PaymentDetail; reload: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const can = paymentActions(payment);
  const close = () => setDialog(null);
  return (
    <Stack>
      <PageHeader
        title={t('payment.title', { date: format.date(payment.receivedOn) })}
        subtitle={
          <Group gap="xs" component="span">
            {payment.customer.name} · {format.money(payment.amount)} <PaymentStatusBadge status={payment.status} />
          </Group>
        }
      >
        <Group gap="xs">
          {can.reverse && (
            <Button variant="default" color="red" onClick={() => setDialog({ kind: 'reverse' })}>
              {t('payment.reverse.action')}
            </Button>
          )}
          {can.refund && (
            <Button variant="default" onClick={() => setDialog({ kind: 'refund' })}>
              {t('payment.refund.action')}
            </Button>
          )}
          {can.allocate && <Button onClick={() => setDialog({ kind: 'allocate' })}>{t('payment.allocate.action')}</Button>}
        </Group>
      </PageHeader>
      {payment.reversedOn && (
        <Alert color="red" data-testid="payment-reversal">
          {t('payment.reversed', { date: format.date(payment.reversedOn), reason: payment.reversalReason })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PaymentSummaryCard payment={payment} />
        <CustomerBalanceCard customer={payment.customer} />
      </SimpleGrid>
      <AllocationsCard payment={payment} onRelease={(allocation) => setDialog({ kind: 'release', allocation })} />
      {payment.refunds.length > 0 && <RefundsCard refunds={payment.refunds} />}
      {dialog?.kind === 'allocate' && <AllocateModal payment={payment} onClose={close} onReload={reload} />}
      {dialog?.kind === 'refund' && <RefundModal payment={payment} onClose={close} />}
      {dialog?.kind === 'reverse' && <ReversePaymentModal payment={payment} onClose={close} onReload={reload} />}
      {dialog?.kind === 'release' && <ReleaseAllocationModal allocation={dialog.allocation} onClose={close} />}
    </Stack>
  );
}
