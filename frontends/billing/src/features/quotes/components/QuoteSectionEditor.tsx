import { ActionIcon, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { sumAmounts, editableDecimal, useFormatters } from '@relais/ui';
import { LineRow, LineTableHead, type VatRateOption } from '../../../shared/lines/LineRow';
import { CatalogPickerModal } from '../../invoice/components/CatalogPickerModal';
import type { CatalogItem } from '../../invoice/hooks/use-editor-data';
import { emptyQuoteLine, type QuoteFormValues } from '../hooks/quote-form';

/**
 * One section of a quote being edited: its title, its lines (options flagged, chosen or not) and
 * its subtotal of counted lines. `firstLine` is the index of its first line in the whole quote.
 */
export function QuoteSectionEditor({
  form,
  sectionIndex,
  sectionCount,
  firstLine,
  lineNets,
  counted,
  vatRates,
  defaultVatRateCode,
  currency,
  onMove,
  onRemove,
}: {
  form: UseFormReturn<QuoteFormValues>;
  sectionIndex: number;
  sectionCount: number;
  firstLine: number;
  lineNets: readonly string[] | undefined;
  counted: readonly boolean[];
  vatRates: readonly VatRateOption[];
  defaultVatRateCode: string;
  currency: string;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const name = `sections.${sectionIndex}.lines` as const;
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name });
  const optionalFlags = useWatch({ control: form.control, name: fields.map((_, index) => `${name}.${index}.optional` as const) });
  const [pickingFromCatalog, setPickingFromCatalog] = useState(false);
  const section = sectionIndex + 1;
  const nets = lineNets?.slice(firstLine, firstLine + fields.length);
  const subtotal = nets && nets.length === fields.length ? sumAmounts(nets.filter((_, index) => counted[firstLine + index])) : undefined;

  const addFromCatalog = (item: CatalogItem) =>
    append({
      ...emptyQuoteLine(defaultVatRateCode),
      kind: item.kind === 'PART' ? 'PART' : 'OTHER',
      description: `${item.label} (${item.code})`,
      unit: item.unit,
      unitPrice: editableDecimal(item.salePrice, 2),
    });

  return (
    <Paper withBorder p="sm" data-testid="quote-section">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <TextInput
          flex={1}
          fw={600}
          aria-label={t('quotes.section.title', { section })}
          placeholder={t('quotes.section.placeholder')}
          {...form.register(`sections.${sectionIndex}.title`)}
        />
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('quotes.section.moveUp', { section })}
            disabled={sectionIndex === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('quotes.section.moveDown', { section })}
            disabled={sectionIndex === sectionCount - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('quotes.section.remove', { section })}
            disabled={sectionCount === 1}
            onClick={onRemove}
          >
            ✕
          </ActionIcon>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4}>
          <LineTableHead />
          <Table.Tbody>
            {fields.map((field, index) => {
              const line = firstLine + index + 1;
              const optional = Boolean(optionalFlags[index]);
              return (
                <LineRow
                  key={field.id}
                  form={form}
                  name={`${name}.${index}`}
                  lineNumber={line}
                  vatRates={vatRates}
                  lineNet={nets?.[index]}
                  currency={currency}
                  dimmed={!counted[firstLine + index]}
                  testId="quote-line"
                  note={
                    <Group gap="md" mt={4}>
                      <Controller
                        control={form.control}
                        name={`${name}.${index}.optional`}
                        render={({ field: control }) => (
                          <Checkbox
                            size="xs"
                            label={t('quotes.line.optionalShort')}
                            aria-label={t('quotes.line.optional', { line })}
                            checked={control.value}
                            onChange={(event) => control.onChange(event.currentTarget.checked)}
                          />
                        )}
                      />
                      {optional && (
                        <Controller
                          control={form.control}
                          name={`${name}.${index}.selected`}
                          render={({ field: control }) => (
                            <Checkbox
                              size="xs"
                              label={t('quotes.line.selectedShort')}
                              aria-label={t('quotes.line.selected', { line })}
                              checked={control.value}
                              onChange={(event) => control.onChange(event.currentTarget.checked)}
                            />
                          )}
                        />
                      )}
                    </Group>
                  }
                  canMoveUp={index > 0}
                  canMoveDown={index < fields.length - 1}
                  onMove={(direction) => move(index, index + direction)}
                  onRemove={() => remove(index)}
                />
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="xs">
        <Group gap="sm">
          <Button variant="light" size="xs" onClick={() => append(emptyQuoteLine(defaultVatRateCode))}>
            {t('quotes.section.addLine')}
          </Button>
          <Button variant="light" size="xs" onClick={() => setPickingFromCatalog(true)}>
            {t('quotes.section.addFromCatalog')}
          </Button>
        </Group>
        <Text size="sm" fw={600} data-testid="quote-section-subtotal">
          {t('quotes.section.subtotal', { amount: subtotal === undefined ? '…' : format.money(subtotal, currency) })}
        </Text>
      </Group>
      {pickingFromCatalog && <CatalogPickerModal onPick={addFromCatalog} onClose={() => setPickingFromCatalog(false)} />}
    </Paper>
  );
}
