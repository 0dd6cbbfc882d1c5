import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { FigureCard, useFormatters } from '@relais/ui';
import type { ContractBillingPreview } from '../hooks/use-contract-billing';

/** What the run would do, as the server totals it: contracts, invoices, HT, TVA, TTC. */
export function PreviewTotals({ preview, stale }: { preview: ContractBillingPreview; stale: boolean }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <SimpleGrid
      cols={{ base: 2, md: 5 }}
      spacing="sm"
      role="group"
      aria-label={t('contractBilling.totals.label')}
      aria-busy={stale}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
      data-testid="contract-billing-totals"
    >
      <FigureCard
        label={t('contractBilling.totals.contracts')}
        value={String(preview.contractCount)}
        detail={preview.blockedCount > 0 ? t('contractBilling.totals.blocked', { count: preview.blockedCount }) : undefined}
        testId="contract-billing-contract-count"
      />
      <FigureCard
        label={t('contractBilling.totals.invoices')}
        value={String(preview.invoiceCount)}
        testId="contract-billing-invoice-count"
      />
      <FigureCard label={t('contractBilling.totals.net')} value={format.money(preview.totalNet)} testId="contract-billing-total-net" />
      <FigureCard label={t('contractBilling.totals.vat')} value={format.money(preview.totalVat)} testId="contract-billing-total-vat" />
      <FigureCard
        label={t('contractBilling.totals.gross')}
        value={format.money(preview.totalGross)}
        testId="contract-billing-total-gross"
        strong
      />
    </SimpleGrid>
  );
}
