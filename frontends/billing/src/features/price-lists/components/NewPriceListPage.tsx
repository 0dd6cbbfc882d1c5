import { useFormAction } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { newPriceListValues, priceListFormPath, priceListInput, type PriceListFormValues } from '../hooks/price-list-form';
import { useCreatePriceList } from '../hooks/use-price-lists';
import { PriceListForm } from './PriceListForm';

/** "Nouveau tarif": a named list of prices, then back to the price lists. */
export function NewPriceListPage() {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const { create, busy } = useCreatePriceList();
  const form = useForm<PriceListFormValues>({ defaultValues: newPriceListValues() });
  const action = useFormAction(form, priceListFormPath);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(priceListInput(values)));
    if (created) void navigate(billingPaths.priceLists);
  });

  return (
    <>
      <PageHeader title={t('priceLists.newTitle')} />
      <PriceListForm
        form={form}
        readOnly={false}
        submitLabel={t('priceLists.form.create')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(billingPaths.priceLists)}
      />
    </>
  );
}
