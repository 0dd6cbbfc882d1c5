import { Badge, Group } from '@mantine/core';
import { PageHeader } from '@relais/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** Number (or "Brouillon de …"), customer, type and status, with the actions of the current state. */
export function InvoiceHeader({ invoice, children }: { invoice: InvoiceDetail; children?: ReactNode }) {
  const { t } = useTranslation(billingNamespace);
  const kind = t(`documentType.${invoice.documentType}`);
  const title = invoice.number ? t('invoice.title', { kind, number: invoice.number }) : t(`invoice.draftTitle.${invoice.documentType}`);
  return (
    <PageHeader title={title} subtitle={invoice.customer.name}>
      <Group>
        {invoice.documentType !== 'INVOICE' && (
          <Badge variant="outline" size="lg">
            {kind}
          </Badge>
        )}
        <InvoiceStatusBadge status={invoice.status} size="lg" />
        {children}
      </Group>
    </PageHeader>
  );
}
