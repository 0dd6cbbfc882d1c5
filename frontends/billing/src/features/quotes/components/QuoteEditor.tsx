import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { formErrors, useFormTranslate } from '@relais/session';
import { AmountsTable } from '../../invoice/components/AmountsTable';
import { VatBreakdownTable } from '../../invoice/components/VatBreakdownTable';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { emptySection, type QuoteFormValues } from '../hooks/quote-form';
import type { QuoteDetail } from '../hooks/use-quote';
import { useQuotePreview } from '../hooks/use-quote-preview';
import { QuoteSectionEditor } from './QuoteSectionEditor';

/**
 * The quote editor: its header fields, its sections of lines and the totals beside them. Untouched,
 * the totals are the saved quote's; while typing, the server's preview of the counted lines.
 */
export function QuoteEditor({
  form,
  saved,
  currency,
}: {
  form: UseFormReturn<QuoteFormValues>;
  saved: QuoteDetail | null;
  currency: string;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const vatRates = useVatRates();
  const preview = useQuotePreview(form.control);
  const translate = useFormTranslate();
  const sections = useFieldArray({ control: form.control, name: 'sections' });
  const lineCounts = (useWatch({ control: form.control, name: 'sections' }) ?? []).map((section) => section?.lines?.length ?? 0);
  const firstLines = lineCounts.map((_, index) => lineCounts.slice(0, index).reduce((total, count) => total + count, 0));
  const money = (amount: string) => format.money(amount, currency);
  const showSaved = saved !== null && !form.formState.isDirty;
  const totals = preview.totals;

  return (
    <Stack>
      <SectionCard title={t('quotes.details')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('quotes.titleField')} required {...form.register('title')} />
          <TextInput type="date" label={t('quotes.validUntil')} required {...form.register('validUntil')} />
          <TextInput label={t('quotes.globalDiscount')} rightSection="%" {...form.register('globalDiscountPercent')} />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('quotes.lines')}>
        <Stack gap="sm">
          {sections.fields.map((field, index) => (
            <QuoteSectionEditor
              key={field.id}
              form={form}
              sectionIndex={index}
              sectionCount={sections.fields.length}
              firstLine={firstLines[index] ?? 0}
              lineNets={preview.lineNets}
              counted={preview.counted}
              vatRates={vatRates.options}
              defaultVatRateCode={vatRates.defaultCode}
              currency={currency}
              onMove={(direction) => sections.move(index, index + direction)}
              onRemove={() => sections.remove(index)}
            />
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => sections.append(emptySection(vatRates.defaultCode))}>
              {t('quotes.section.add')}
            </Button>
          </Group>
        </Stack>
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SectionCard title={t('invoice.details')}>
          <Textarea label={t('quotes.notes')} autosize minRows={3} {...form.register('notes')} />
        </SectionCard>
        <SectionCard title={t('quotes.totals')}>
          {showSaved ? (
            <AmountsTable
              rows={[
                ...(isPositiveAmount(saved.discountTotal)
                  ? [
                      { label: t('quotes.linesTotal'), amount: money(saved.linesTotal) },
                      {
                        label: t('quotes.discountTotal', { percent: format.percent(saved.globalDiscountPercent) }),
                        amount: `−${money(saved.discountTotal)}`,
                      },
                    ]
                  : []),
                { label: t('quotes.totalNet'), amount: money(saved.totalNet), testId: 'quote-total-net' },
                { label: t('quotes.totalVat'), amount: money(saved.totalVat), testId: 'quote-total-vat' },
                { label: t('quotes.totalGross'), amount: money(saved.totalGross), strong: true, testId: 'quote-total-gross' },
              ]}
            />
          ) : (
            <>
              <Group justify="flex-end" h={16}>
                {preview.stale && !preview.error && <Loader size="xs" aria-label={t('invoice.editor.computing')} />}
              </Group>
              {preview.error && (
                <Alert color="orange" mb="sm" title={t('invoice.editor.previewRefused')}>
                  {formErrors(preview.error, () => null, translate).general.join(' ; ')}
                </Alert>
              )}
              {!totals ? (
                <Text c="dimmed">{t('invoice.editor.computing')}</Text>
              ) : preview.withDiscount ? (
                <>
                  <AmountsTable dimmed={preview.stale} rows={[{ label: t('quotes.linesTotal'), amount: money(totals.totalNet) }]} />
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('quotes.discountOnSave')}
                  </Text>
                </>
              ) : (
                <>
                  <VatBreakdownTable rows={totals.vatBreakdown} currency={currency} dimmed={preview.stale} />
                  <AmountsTable
                    dimmed={preview.stale}
                    rows={[
                      { label: t('quotes.totalNet'), amount: money(totals.totalNet), testId: 'quote-total-net' },
                      { label: t('quotes.totalVat'), amount: money(totals.totalVat), testId: 'quote-total-vat' },
                      { label: t('quotes.totalGross'), amount: money(totals.totalGross), strong: true, testId: 'quote-total-gross' },
                    ]}
                  />
                </>
              )}
            </>
          )}
        </SectionCard>
      </SimpleGrid>
    </Stack>
  );
}
