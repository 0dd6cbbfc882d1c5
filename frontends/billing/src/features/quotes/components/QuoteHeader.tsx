import { Group } from '@mantine/core';
import { PageHeader } from '@relais/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { QuoteDetail } from '../hooks/use-quote';
import { QuoteStatusBadge } from './QuoteStatusBadge';

/** Number (and revision), customer and status, with the actions of the current state. */
export function QuoteHeader({ quote, children }: { quote: QuoteDetail; children?: ReactNode }) {
  const { t } = useTranslation(billingNamespace);
  const title = !quote.number
    ? t('quotes.draftHeading')
    : quote.revision > 1
      ? t('quotes.headingRevision', { number: quote.number, revision: quote.revision })
      : t('quotes.heading', { number: quote.number });
  return (
    <PageHeader title={title} subtitle={`${quote.customer.name} — ${quote.title}`}>
      <Group>
        <QuoteStatusBadge status={quote.status} size="lg" />
        {children}
      </Group>
    </PageHeader>
  );
}
