import { Badge, Button, Text } from '@mantine/core';
import { ActionError, useAction, useCan } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { CatalogEntryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { catalogInput, catalogValuesFrom, type CatalogFormValues } from '../hooks/catalog-form';
import { useCatalogEntry, useCatalogItemActions } from '../hooks/use-catalog';
import { useCatalogFormAction } from '../hooks/use-catalog-form-action';
import { CatalogItemForm } from './CatalogItemForm';

/** One catalog item: edited, archived or brought back by those who may write billing data, read by the others. */
export function CatalogItemPage() {
  const { t } = useTranslation(billingNamespace);
  const { catalogItemId = '' } = useParams();
  const { item, loading, error, retry } = useCatalogEntry(catalogItemId);
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!item) return <Text c="dimmed">{t('catalog.notFound')}</Text>;
  return <CatalogItemEditor key={`${item.id}-${item.active}`} item={item} />;
}

function CatalogItemEditor({ item }: { item: CatalogEntryFragment }) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const canWrite = useCan('billing:write');
  const vatRates = useVatRates();
  const actions = useCatalogItemActions(item.id);
  const form = useForm<CatalogFormValues>({ defaultValues: catalogValuesFrom(item) });
  const action = useCatalogFormAction(form);
  const toggle = useAction();
  const back = () => void navigate(billingPaths.catalog);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => actions.update(catalogInput(values)));
    if (saved) back();
  });

  return (
    <>
      <PageHeader
        title={`${item.code} — ${item.label}`}
        subtitle={
          item.active ? undefined : (
            <Badge color="gray" variant="light">
              {t('catalog.archived')}
            </Badge>
          )
        }
      />
      <CatalogItemForm
        form={form}
        vatRates={vatRates.options}
        readOnly={!canWrite}
        submitLabel={t('catalog.form.save')}
        busy={actions.busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={back}
        extraActions={
          canWrite && (
            <Button
              variant="light"
              color={item.active ? 'orange' : 'teal'}
              loading={actions.busy}
              onClick={() => void toggle.run(() => (item.active ? actions.archive() : actions.restore()))}
            >
              {item.active ? t('catalog.archive') : t('catalog.restore')}
            </Button>
          )
        }
      />
      {Boolean(toggle.error) && <ActionError error={toggle.error} />}
    </>
  );
}
