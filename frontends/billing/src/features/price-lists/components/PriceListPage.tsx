import { Text } from '@mantine/core';
import { useCan, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PriceListDetailFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { priceListFormPath, priceListInput, priceListValuesFrom, type PriceListFormValues } from '../hooks/price-list-form';
import { usePriceList, useUpdatePriceList } from '../hooks/use-price-lists';
import { PriceListForm } from './PriceListForm';

/** One price list, edited from the version loaded (STALE_VERSION if someone saved it meanwhile). */
export function PriceListPage() {
  const { t } = useTranslation(billingNamespace);
  const { priceListId = '' } = useParams();
  const { list, loading, error, retry } = usePriceList(priceListId);
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!list) return <Text c="dimmed">{t('priceLists.notFound')}</Text>;
  return <PriceListEditor key={list.version} list={list} onReload={retry} />;
}

function PriceListEditor({ list, onReload }: { list: PriceListDetailFragment; onReload: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const canWrite = useCan('billing:write');
  const { update, busy } = useUpdatePriceList(list.id);
  const form = useForm<PriceListFormValues>({ defaultValues: priceListValuesFrom(list) });
  const action = useFormAction(form, priceListFormPath);
  const back = () => void navigate(billingPaths.priceLists);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => update(priceListInput(values), list.version));
    if (saved) back();
  });

  return (
    <>
      <PageHeader title={t('priceLists.editTitle', { name: list.name })} />
      <PriceListForm
        form={form}
        readOnly={!canWrite}
        submitLabel={t('priceLists.form.save')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={back}
        onReload={onReload}
      />
    </>
  );
}
