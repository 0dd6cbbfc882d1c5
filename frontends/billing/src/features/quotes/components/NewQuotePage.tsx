import { Anchor, Button, Stack } from '@mantine/core';
import { PageHeader, SectionCard, todayInParis } from '@relais/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { FormActionError, useFormAction } from '@relais/session';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { newQuoteValues, quoteFormPathOf, quoteInput, type QuoteFormValues } from '../hooks/quote-form';
import { useCreateQuote } from '../hooks/use-quote';
import { QuoteEditor } from './QuoteEditor';

/** The default validity of a new quote: 30 days from today (Paris). */
function in30Days(): string {
  const day = new Date(`${todayInParis()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 30);
  return day.toISOString().slice(0, 10);
}

/** "Nouveau devis": a customer picked first, then the quote typed in the editor. */
export function NewQuotePage() {
  const { defaultCode } = useVatRates();
  return defaultCode ? <NewQuoteForm defaultVatRateCode={defaultCode} /> : null;
}

function NewQuoteForm({ defaultVatRateCode }: { defaultVatRateCode: string }) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const form = useForm<QuoteFormValues>({ defaultValues: newQuoteValues(defaultVatRateCode, in30Days()) });
  const { create, busy } = useCreateQuote();
  const action = useFormAction(form, (formPath) => quoteFormPathOf(form.getValues())(formPath));

  const submit = form.handleSubmit(async (values) => {
    if (!customerId) return;
    const quoteId = await action.run(() => create({ ...quoteInput(values), customerId }));
    if (quoteId) void navigate(billingPaths.quote(quoteId), { replace: true });
  });

  return (
    <Stack component="form" onSubmit={(event) => void submit(event)}>
      <Anchor component={Link} to={billingPaths.quotes} size="sm">
        ← {t('quotes.back')}
      </Anchor>
      <PageHeader title={t('quotes.newTitle')}>
        <Button type="submit" disabled={!customerId} loading={busy}>
          {t('quotes.create')}
        </Button>
      </PageHeader>
      <FormActionError error={action.error} unplaced={action.unplaced} />
      <SectionCard title={t('quotes.customer')}>
        <CustomerPicker label={t('quotes.chooseCustomer')} value={customerId} onChange={setCustomerId} required width={420} />
      </SectionCard>
      <QuoteEditor form={form} saved={null} currency="EUR" />
    </Stack>
  );
}
