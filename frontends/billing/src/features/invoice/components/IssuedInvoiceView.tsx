import { Button, SimpleGrid, Stack } from '@mantine/core';
import { SectionCard, isPositiveAmount } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { CreditSurplusCard } from '../../credit-allocation/components/CreditSurplusCard';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { BalanceCard } from './BalanceCard';
import { CreditNoteModal } from './CreditNoteModal';
import { DocumentFilesCard } from './DocumentFilesCard';
import { HistoryCard } from './HistoryCard';
import { InvoiceHeader } from './InvoiceHeader';
import { InvoiceSummaryCard } from './InvoiceSummaryCard';
import { IssuedLinesTable } from './IssuedLinesTable';
import { RecordPaymentModal } from './RecordPaymentModal';
import { SendInvoiceModal } from './SendInvoiceModal';
import { VatBreakdownTable } from './VatBreakdownTable';

/** An issued document, immutable: settled by payments and credit notes. */
export function IssuedInvoiceView({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const [dialog, setDialog] = useState<'payment' | 'creditNote' | 'send' | null>(null);
  const isCreditNote = invoice.documentType === 'CREDIT_NOTE';
  const payable = !isCreditNote && isPositiveAmount(invoice.openBalance);
  // The server decides: not a credit note, not wholly credited, no write-off standing (INVOICE_WRITTEN_OFF).
  const creditable = invoice.canCreateCreditNote;

  return (
    <Stack>
      <InvoiceHeader invoice={invoice}>
        {creditable && (
          <Button variant="default" onClick={() => setDialog('creditNote')}>
            {t('creditNote.create.action')}
          </Button>
        )}
        <Button variant="default" onClick={() => setDialog('send')}>
          {t('send.action')}
        </Button>
        {payable && <Button onClick={() => setDialog('payment')}>{t('payment.action')}</Button>}
      </InvoiceHeader>
      <InvoiceSummaryCard invoice={invoice} />
      <CreditSurplusCard invoice={invoice} />
      <SectionCard title={t('invoice.lines')}>
        <IssuedLinesTable invoice={invoice} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard title={t('invoice.vatBreakdown')}>
          <VatBreakdownTable rows={invoice.vatBreakdown} currency={invoice.currency} />
        </SectionCard>
        <BalanceCard invoice={invoice} />
      </SimpleGrid>
      <HistoryCard invoice={invoice} />
      <DocumentFilesCard invoice={invoice} />
      {dialog === 'payment' && <RecordPaymentModal invoice={invoice} onClose={() => setDialog(null)} />}
      {dialog === 'send' && <SendInvoiceModal invoice={invoice} onClose={() => setDialog(null)} />}
      {dialog === 'creditNote' && <CreditNoteModal invoice={invoice} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
