import { ConfirmModal, useAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useCreateBatch } from '../hooks/use-new-batch';

/** Says what the batch will collect, on which day and for how much, then creates it; a refusal shows here, and nothing is created. */
export function CreateBatchModal({
  collectionDate,
  selection,
  onClose,
  onCreated,
}: {
  collectionDate: string;
  selection: { invoiceIds: readonly string[]; count: number; amount: string };
  onClose: () => void;
  onCreated: (batchId: string) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { create, busy } = useCreateBatch();
  const action = useAction();
  const date = format.date(collectionDate);
  const confirm = async () => {
    const batch = await action.run(() => create(collectionDate, selection.invoiceIds));
    if (batch) onCreated(batch.id);
  };
  return (
    <ConfirmModal
      title={t('directDebit.newBatch.confirm.title', { date })}
      confirmLabel={t('directDebit.newBatch.confirm.confirm')}
      busy={busy}
      error={action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {t('directDebit.newBatch.confirm.body', {
        count: selection.count,
        formattedCount: format.count(selection.count),
        date,
        amount: format.money(selection.amount),
      })}
    </ConfirmModal>
  );
}
