import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import { apiDecimal, editableDecimal, todayInParis } from '@relais/ui';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { useRecordPayment } from '../hooks/use-settlement-actions';

const paymentMethods: PaymentMethod[] = ['TRANSFER', 'CHECK', 'CARD', 'DIRECT_DEBIT', 'CASH'];

interface PaymentValues {
  amount: string;
  paidOn: string;
  method: PaymentMethod;
  reference: string;
}

/** "Enregistrer un règlement": the open balance by default, received today by transfer. */
export function RecordPaymentModal({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const { record, busy } = useRecordPayment();
  const action = useAction();
  const form = useForm<PaymentValues>({
    defaultValues: { amount: editableDecimal(invoice.openBalance, 2), paidOn: todayInParis(), method: 'TRANSFER', reference: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    const done = await action.run(() =>
      record({
        customerId: invoice.customer.id,
        amount: apiDecimal(values.amount),
        receivedOn: values.paidOn,
        method: values.method,
        reference: values.reference.trim() || null,
        allocations: [{ invoiceId: invoice.id, amount: apiDecimal(values.amount) }],
      }),
    );
    if (done) onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t('payment.title', { number: invoice.number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <SimpleGrid cols={2}>
          <TextInput label={t('payment.amount')} rightSection="€" required data-autofocus {...form.register('amount')} />
          <TextInput label={t('payment.paidOn')} type="date" required {...form.register('paidOn')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <Select
              label={t('payment.method')}
              allowDeselect={false}
              data={paymentMethods.map((method) => ({ value: method, label: t(`paymentMethod.${method}`) }))}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
            />
          )}
        />
        <TextInput label={t('payment.reference')} placeholder={t('payment.referencePlaceholder')} {...form.register('reference')} />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('payment.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
