import { Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { fieldErrorOf, FormActionError } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { AllocationPicker } from '../../allocation/components/AllocationPicker';
import { useRecordPaymentForm } from '../hooks/use-record-payment-form';
import { PaymentFields } from './PaymentFields';

/** "Enregistrer un règlement": the money received, then the customer's open invoices it settles. */
export function RecordPaymentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const { form, openInvoices, total, action, submit, busy } = useRecordPaymentForm(onClose);
  const { errors } = form.formState;
  const customerId = form.watch('customerId');
  return (
    <Modal opened onClose={onClose} title={t('recordPayment.title')} size="xl">
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <PaymentFields form={form} />
        <Divider />
        {customerId ? (
          <AllocationPicker
            openInvoices={openInvoices}
            total={total}
            values={form.watch('allocations')}
            onChange={(allocations) => {
              form.clearErrors('allocations');
              form.setValue('allocations', allocations);
            }}
            errorOf={(invoiceId) => fieldErrorOf(errors, `allocations.${invoiceId}.amount`)}
            error={fieldErrorOf(errors, 'allocations')}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('recordPayment.chooseCustomer')}
          </Text>
        )}
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('recordPayment.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
