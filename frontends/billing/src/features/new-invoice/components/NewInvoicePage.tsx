import { Anchor, Button, Stack } from '@mantine/core';
import { PageHeader, SectionCard } from '@relais/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { FormActionError, useFormAction } from '@relais/session';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { InvoiceDraftForm } from '../../invoice/components/InvoiceDraftForm';
import { draftFormPathOf, draftInput, newDraftValues, type DraftFormValues } from '../../invoice/hooks/draft-form';
import { useCreateInvoice } from '../../invoice/hooks/use-draft-actions';
import { useVatRates } from '../../invoice/hooks/use-editor-data';

/** "Nouvelle facture": a manual invoice, for a customer picked first, typed in the draft editor. */
export function NewInvoicePage() {
  const { defaultCode } = useVatRates();
  return defaultCode ? <NewInvoiceForm defaultVatRateCode={defaultCode} /> : null;
}

function NewInvoiceForm({ defaultVatRateCode }: { defaultVatRateCode: string }) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const form = useForm<DraftFormValues>({ defaultValues: newDraftValues(defaultVatRateCode) });
  const { create, busy } = useCreateInvoice();
  const action = useFormAction(form, draftFormPathOf);

  const submit = form.handleSubmit(async (values) => {
    if (!customerId) return;
    const invoiceId = await action.run(() => create(customerId, draftInput(values, true)));
    if (invoiceId) void navigate(billingPaths.invoice(invoiceId), { replace: true });
  });

  return (
    <Stack component="form" onSubmit={(event) => void submit(event)}>
      <Anchor component={Link} to={billingPaths.invoices} size="sm">
        ← {t('invoice.back')}
      </Anchor>
      <PageHeader title={t('newInvoice.title')}>
        <Button type="submit" disabled={!customerId} loading={busy}>
          {t('newInvoice.create')}
        </Button>
      </PageHeader>
      <FormActionError error={action.error} unplaced={action.unplaced} />
      <SectionCard title={t('invoice.customer')}>
        <CustomerPicker label={t('newInvoice.customer')} value={customerId} onChange={setCustomerId} required width={420} />
      </SectionCard>
      <InvoiceDraftForm form={form} currency="EUR" />
    </Stack>
  );
}
