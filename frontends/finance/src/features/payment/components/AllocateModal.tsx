import { Button, Group, Modal, Stack } from '@mantine/core';
import { fieldErrorOf, FormActionError } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { AllocationPicker } from '../../allocation/components/AllocationPicker';
import { useAllocateForm } from '../hooks/use-allocate-form';
import type { PaymentDetail } from '../hooks/use-payment';

/** "Affecter le reste": the payment's credit spread over the customer's open invoices. */
export function AllocateModal({ payment, onClose, onReload }: { payment: PaymentDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { form, openInvoices, action, submit, busy } = useAllocateForm(payment, onClose);
  const { errors } = form.formState;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('payment.allocate.title', { amount: format.money(payment.unallocatedAmount), customer: payment.customer.name })}
    >
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <AllocationPicker
          openInvoices={openInvoices}
          total={payment.unallocatedAmount}
          values={form.watch('allocations')}
          onChange={(allocations) => {
            form.clearErrors('allocations');
            form.setValue('allocations', allocations);
          }}
          errorOf={(invoiceId) => fieldErrorOf(errors, `allocations.${invoiceId}.amount`)}
          error={fieldErrorOf(errors, 'allocations')}
        />
        <FormActionError
          error={action.error}
          unplaced={action.unplaced}
          onReload={() => {
            action.clear();
            onReload();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('payment.allocate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
