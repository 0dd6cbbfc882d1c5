import { Anchor, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useInvoice } from '../hooks/use-invoice';
import { DraftInvoiceView } from './DraftInvoiceView';
import { IssuedInvoiceView } from './IssuedInvoiceView';

/** An invoice, deposit invoice or credit note: the editor while a draft, the settled document afterwards. */
export function InvoicePage() {
  const { t } = useTranslation(billingNamespace);
  const { invoiceId = '' } = useParams();
  const inCreditNotes = useLocation().pathname.startsWith(billingPaths.creditNotes);
  const { invoice, loading, error, reload } = useInvoice(invoiceId);

  return (
    <Stack>
      <Anchor component={Link} to={inCreditNotes ? billingPaths.creditNotes : billingPaths.invoices} size="sm">
        ← {t(inCreditNotes ? 'creditNote.back' : 'invoice.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={() => void reload()} />}
      {loading && <LoadingState />}
      {!loading && !error && !invoice && <PageHeader title={t('invoice.notFound')} />}
      {invoice &&
        (invoice.status === 'DRAFT' ? <DraftInvoiceView invoice={invoice} reload={reload} /> : <IssuedInvoiceView invoice={invoice} />)}
    </Stack>
  );
}
