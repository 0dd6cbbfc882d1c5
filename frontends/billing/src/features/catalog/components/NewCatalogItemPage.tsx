import { PageHeader } from '@relais/ui';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { catalogInput, newCatalogValues, type CatalogFormValues } from '../hooks/catalog-form';
import { useCreateCatalogItem } from '../hooks/use-catalog';
import { useCatalogFormAction } from '../hooks/use-catalog-form-action';
import { CatalogItemForm } from './CatalogItemForm';

/** "Nouvel article": a part or a service, then back to the catalog. */
export function NewCatalogItemPage() {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const vatRates = useVatRates();
  const { create, busy } = useCreateCatalogItem();
  const form = useForm<CatalogFormValues>({ defaultValues: newCatalogValues('') });
  const action = useCatalogFormAction(form);
  // The highest active rate, once the rates are read.
  useEffect(() => {
    if (!form.getValues('vatRateCode') && vatRates.defaultCode) form.setValue('vatRateCode', vatRates.defaultCode);
  }, [form, vatRates.defaultCode]);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(catalogInput(values)));
    if (created) void navigate(`${billingPaths.catalog}?q=${encodeURIComponent(created.code)}`);
  });

  return (
    <>
      <PageHeader title={t('catalog.newTitle')} />
      <CatalogItemForm
        form={form}
        vatRates={vatRates.options}
        readOnly={false}
        submitLabel={t('catalog.form.create')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(billingPaths.catalog)}
      />
    </>
  );
}
