import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { fieldErrorOf, FormActionError, useFormAction } from '@relais/session';
import { editableDecimal, todayInParis, useFormatters } from '@relais/ui';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { typedAmount } from '../../allocation/hooks/allocation-form';
import { PaymentMethodSelect } from '../../payments/components/PaymentMethodSelect';
import type { PaymentDetail } from '../hooks/use-payment';
import { useRefundPayment } from '../hooks/use-payment-actions';

interface RefundValues {
  refundedOn: string;
  amount: string;
  method: PaymentMethod;
  reference: string;
}

const refundPath = (path: string): keyof RefundValues | null =>
  path === 'refundedOn' || path === 'amount' || path === 'method' || path === 'reference' ? path : null;

/** "Rembourser": pays back the customer's credit (all of it unless told), today by transfer. */
export function RefundModal({ payment, onClose }: { payment: PaymentDetail; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { refund, busy } = useRefundPayment(payment);
  const form = useForm<RefundValues>({
    defaultValues: { refundedOn: todayInParis(), amount: editableDecimal(payment.unallocatedAmount, 2), method: 'TRANSFER', reference: '' },
  });
  const action = useFormAction(form, refundPath);
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const input = { ...values, amount: typedAmount(values.amount) ?? values.amount, reference: values.reference.trim() || null };
    if (await action.run(() => refund(input))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('payment.refund.title')}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('payment.refund.available', { amount: format.money(payment.unallocatedAmount) })}</Text>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('payment.refund.amount')}
            rightSection="€"
            withAsterisk
            data-autofocus
            error={fieldErrorOf(errors, 'amount')}
            {...form.register('amount', { validate: (value) => typedAmount(value) !== null || t('common.invalidAmount') })}
          />
          <TextInput
            type="date"
            label={t('payment.refund.refundedOn')}
            withAsterisk
            error={fieldErrorOf(errors, 'refundedOn')}
            {...form.register('refundedOn', { required: t('common.required') })}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <PaymentMethodSelect
              label={t('payment.refund.method')}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorOf(errors, 'method')}
            />
          )}
        />
        <TextInput label={t('payment.refund.reference')} error={fieldErrorOf(errors, 'reference')} {...form.register('reference')} />
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('payment.refund.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
