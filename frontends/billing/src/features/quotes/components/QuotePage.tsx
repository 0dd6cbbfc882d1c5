import { Anchor, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useQuote } from '../hooks/use-quote';
import { QuoteView } from './QuoteView';

/** A quote: the editor while it can change, its decision and its billing once accepted. */
export function QuotePage() {
  const { t } = useTranslation(billingNamespace);
  const { quoteId = '' } = useParams();
  const { quote, loading, error, reload } = useQuote(quoteId);

  return (
    <Stack>
      <Anchor component={Link} to={billingPaths.quotes} size="sm">
        ← {t('quotes.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={() => void reload()} />}
      {loading && <LoadingState />}
      {!loading && !error && !quote && <PageHeader title={t('quotes.notFound')} />}
      {quote && <QuoteView key={quote.id} quote={quote} reload={reload} />}
    </Stack>
  );
}
