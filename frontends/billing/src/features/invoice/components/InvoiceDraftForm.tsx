import { Alert, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { formErrors, useFormTranslate } from '@relais/session';
import type { DraftFormValues } from '../hooks/draft-form';
import { useVatRates } from '../hooks/use-editor-data';
import { useTotalsPreview } from '../hooks/use-totals-preview';
import { AllowanceChargesEditor } from './AllowanceChargesEditor';
import { AmountsTable } from './AmountsTable';
import { DraftDetailsFields } from './DraftDetailsFields';
import { DraftLinesEditor } from './DraftLinesEditor';
import { VatBreakdownTable } from './VatBreakdownTable';

/** The draft editor: lines, allowances and header fields, with the server's live totals beside them. */
export function InvoiceDraftForm({ form, currency }: { form: UseFormReturn<DraftFormValues>; currency: string }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const vatRates = useVatRates();
  const preview = useTotalsPreview(form.control);
  const translate = useFormTranslate();
  const money = (amount: string) => format.money(amount, currency);
  const totals = preview.totals;

  return (
    <Stack>
      <SectionCard title={t('invoice.lines')}>
        <DraftLinesEditor
          form={form}
          vatRates={vatRates.options}
          defaultVatRateCode={vatRates.defaultCode}
          lineNets={preview.stale ? undefined : totals?.lineNets}
          currency={currency}
        />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack>
          <SectionCard title={t('invoice.allowance.title')}>
            <AllowanceChargesEditor form={form} vatRates={vatRates.options} defaultVatRateCode={vatRates.defaultCode} />
          </SectionCard>
          <SectionCard title={t('invoice.details')}>
            <DraftDetailsFields form={form} />
          </SectionCard>
        </Stack>
        <SectionCard title={t('invoice.totals')}>
          <Group justify="flex-end" h={16}>
            {preview.stale && !preview.error && <Loader size="xs" aria-label={t('invoice.editor.computing')} />}
          </Group>
          {preview.error && (
            <Alert color="orange" mb="sm" title={t('invoice.editor.previewRefused')}>
              {formErrors(preview.error, () => null, translate).general.join(' ; ')}
            </Alert>
          )}
          {totals ? (
            <>
              <VatBreakdownTable rows={totals.vatBreakdown} currency={currency} dimmed={preview.stale} />
              <AmountsTable
                dimmed={preview.stale}
                rows={[
                  { label: t('invoice.totalNet'), amount: money(totals.totalNet), testId: 'invoice-total-net' },
                  { label: t('invoice.totalVat'), amount: money(totals.totalVat), testId: 'invoice-total-vat' },
                  { label: t('invoice.totalGross'), amount: money(totals.totalGross), strong: true, testId: 'invoice-total-gross' },
                  ...(isPositiveAmount(totals.retentionAmount)
                    ? [{ label: t('invoice.retentionAmount'), amount: money(totals.retentionAmount) }]
                    : []),
                  { label: t('invoice.amountDue'), amount: money(totals.amountDue), strong: true },
                ]}
              />
            </>
          ) : (
            <Text c="dimmed">{t('invoice.editor.computing')}</Text>
          )}
        </SectionCard>
      </SimpleGrid>
    </Stack>
  );
}
