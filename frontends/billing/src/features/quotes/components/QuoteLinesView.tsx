import { Badge, Table, Text } from '@mantine/core';
import { SectionCard, isPositiveAmount, useFormatters } from '@relais/ui';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { AmountsTable } from '../../invoice/components/AmountsTable';
import { isZeroDecimal } from '../hooks/quote-form';
import type { QuoteDetail } from '../hooks/use-quote';

/** The lines of a quote that no longer changes (accepted, cancelled), by section, with the saved totals. */
export function QuoteLinesView({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, quote.currency);
  const lineById = new Map(quote.lines.map((line) => [line.id, line]));

  return (
    <SectionCard title={t('quotes.lines')}>
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.line.description')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.quantity')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.discount')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.lineNet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.sections.map((section, sectionIndex) => (
              <Fragment key={sectionIndex}>
                {section.title && (
                  <Table.Tr>
                    <Table.Td colSpan={5} fw={700} bg="var(--mantine-color-gray-0)">
                      {section.title}
                    </Table.Td>
                  </Table.Tr>
                )}
                {section.lines.map(({ id }) => {
                  const line = lineById.get(id)!;
                  return (
                    <Table.Tr key={id} data-testid="quote-line" style={line.selected ? undefined : { opacity: 0.55 }}>
                      <Table.Td>
                        {line.description}{' '}
                        {line.optional && (
                          <Badge size="xs" variant="light" color={line.selected ? 'green' : 'gray'}>
                            {line.selected ? t('quotes.line.selectedShort') : t('quotes.line.notSelected')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {format.decimal(line.quantity)} {t(`unit.${line.unit}`, { defaultValue: line.unit })}
                      </Table.Td>
                      <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
                      <Table.Td ta="right">{isZeroDecimal(line.discountPercent) ? '' : format.percent(line.discountPercent)}</Table.Td>
                      <Table.Td ta="right">{money(line.lineNet)}</Table.Td>
                    </Table.Tr>
                  );
                })}
                <Table.Tr>
                  <Table.Td colSpan={5} ta="right">
                    <Text size="sm" fw={600}>
                      {t('quotes.section.subtotal', { amount: money(section.subtotal) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AmountsTable
        rows={[
          ...(isPositiveAmount(quote.discountTotal)
            ? [
                { label: t('quotes.linesTotal'), amount: money(quote.linesTotal) },
                {
                  label: t('quotes.discountTotal', { percent: format.percent(quote.globalDiscountPercent) }),
                  amount: `−${money(quote.discountTotal)}`,
                },
              ]
            : []),
          { label: t('quotes.totalNet'), amount: money(quote.totalNet), testId: 'quote-total-net' },
          { label: t('quotes.totalVat'), amount: money(quote.totalVat), testId: 'quote-total-vat' },
          { label: t('quotes.totalGross'), amount: money(quote.totalGross), strong: true, testId: 'quote-total-gross' },
        ]}
      />
    </SectionCard>
  );
}
