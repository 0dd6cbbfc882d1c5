import { Anchor } from '@mantine/core';
import { FieldList, SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** Who and when: number, customer, dates, order reference, what it bills or credits. */
export function InvoiceSummaryCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const date = (value: string | null | undefined) => (value ? format.date(value) : null);
  return (
    <SectionCard title={t('invoice.summary')}>
      <FieldList
        fields={[
          { label: t('invoice.number'), value: <span data-testid="invoice-number">{invoice.number ?? t('invoice.draft')}</span> },
          {
            label: t('invoice.customer'),
            value: (
              <Anchor component={Link} to={billingPaths.customer(invoice.customer.id)}>
                {invoice.customer.name}
              </Anchor>
            ),
          },
          { label: t('invoice.issueDate'), value: date(invoice.issueDate) },
          { label: t('invoice.dueDate'), value: date(invoice.dueDate) },
          ...(invoice.creditedInvoice
            ? [
                {
                  label: t('creditNote.creditedInvoice'),
                  value: (
                    <span data-testid="credited-invoice">
                      {t('creditNote.creditOf')}{' '}
                      <Anchor component={Link} to={billingPaths.invoice(invoice.creditedInvoice.id)}>
                        {invoice.creditedInvoice.number}
                      </Anchor>
                    </span>
                  ),
                },
              ]
            : [{ label: t('invoice.interventions'), value: invoice.interventions.map((i) => i.number).join(', ') || null }]),
          { label: t('invoice.purchaseOrderRef'), value: invoice.purchaseOrderRef },
          { label: t('invoice.operationCategory'), value: t(`operationCategory.${invoice.operationCategory}`) },
          ...(invoice.status === 'DRAFT' ? [] : [{ label: t('invoice.notes'), value: invoice.notes }]),
        ]}
      />
    </SectionCard>
  );
}
