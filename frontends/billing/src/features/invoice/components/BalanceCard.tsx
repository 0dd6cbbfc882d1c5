import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { AmountsTable, type AmountRow } from './AmountsTable';

/** From the total to what the customer still owes: deposits, retention, payments, credit notes, write-offs. */
export function BalanceCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, invoice.currency);
  const ifAny = (label: string, amount: string, sign = ''): AmountRow[] =>
    isPositiveAmount(amount) ? [{ label, amount: `${sign}${money(amount)}` }] : [];
  const isCreditNote = invoice.documentType === 'CREDIT_NOTE';
  return (
    <SectionCard title={t('invoice.totals')}>
      <AmountsTable
        rows={[
          ...invoice.allowanceCharges.map((row) => ({
            label: `${t(row.charge ? 'invoice.allowance.charge' : 'invoice.allowance.allowance')} : ${row.reason}`,
            amount: `${row.charge ? '+' : '−'} ${money(row.amount)}`,
          })),
          { label: t('invoice.totalNet'), amount: money(invoice.totalNet), testId: 'invoice-total-net' },
          { label: t('invoice.totalVat'), amount: money(invoice.totalVat), testId: 'invoice-total-vat' },
          { label: t('invoice.totalGross'), amount: money(invoice.totalGross), strong: true, testId: 'invoice-total-gross' },
          ...ifAny(t('invoice.prepaidAmount'), invoice.prepaidAmount, '− '),
          ...ifAny(t('invoice.retentionAmountOf', { percent: format.decimal(invoice.retentionPercent) }), invoice.retentionAmount, '− '),
          ...(isCreditNote
            ? []
            : [
                ...ifAny(t('invoice.paidAmount'), invoice.paidAmount, '− '),
                ...ifAny(t('invoice.creditedAmount'), invoice.creditedAmount, '− '),
                ...ifAny(t('invoice.writtenOffAmount'), invoice.writtenOffAmount, '− '),
                { label: t('invoice.openBalance'), amount: money(invoice.openBalance), strong: true, testId: 'invoice-open-balance' },
              ]),
        ]}
      />
    </SectionCard>
  );
}
