import { ActionIcon, Group, Select, Table, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../i18n/register';
import { fieldErrorOf, sessionNamespace } from '@relais/session';
import { isTypedDecimal, useFormatters } from '@relais/ui';

/** The priced fields every editable line has, as typed (decimals as the clerk writes them, "1,5"). */
export interface EditableLineFields {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRateCode: string;
}

export interface VatRateOption {
  value: string;
  label: string;
}

const commonUnits = ['HUR', 'DAY', 'C62', 'KGM', 'MTR', 'LTR'];

/** The header of a lines table matching {@link LineRow}. */
export function LineTableHead() {
  const { t } = useTranslation(billingNamespace);
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('invoice.line.description')}</Table.Th>
        <Table.Th ta="right">{t('invoice.line.quantity')}</Table.Th>
        <Table.Th>{t('invoice.line.unit')}</Table.Th>
        <Table.Th ta="right">{t('invoice.line.unitPrice')}</Table.Th>
        <Table.Th ta="right">{t('invoice.line.discount')}</Table.Th>
        <Table.Th>{t('invoice.line.vatRate')}</Table.Th>
        <Table.Th ta="right">{t('invoice.line.lineNet')}</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * One line of a document being edited (invoice draft, quote), typed inline; `name` is the path of
 * the line in the form ("lines.2"). Its net amount is the server's preview; `note` goes under the
 * description (why this price, option flags...).
 */
export function LineRow<T extends FieldValues>({
  form,
  name,
  lineNumber,
  vatRates,
  lineNet,
  currency,
  note,
  dimmed,
  canMoveUp,
  canMoveDown,
  onMove,
  onRemove,
  testId = 'invoice-line',
}: {
  form: UseFormReturn<T>;
  name: string;
  lineNumber: number;
  vatRates: readonly VatRateOption[];
  lineNet: string | undefined;
  currency: string;
  note?: ReactNode;
  dimmed?: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  testId?: string;
}) {
  const { t } = useTranslation(billingNamespace);
  const { t: tSession } = useTranslation(sessionNamespace);
  const format = useFormatters();
  const path = (field: keyof EditableLineFields) => `${name}.${field}` as Path<T>;
  const errorOf = (field: keyof EditableLineFields) => fieldErrorOf(form.formState.errors, path(field));
  // A number as typed ("12,5"; a sign left for the server to judge); the discount may stay empty.
  const decimalRule = (optional: boolean) => ({
    validate: (value: string) =>
      (optional && value.trim() === '') || isTypedDecimal(value, { signed: true }) || tSession('form.decimalExpected'),
  });
  const label = (field: string) => t('invoice.line.fieldOf', { field: t(`invoice.line.${field}`), line: lineNumber });
  const unit = String(form.watch(path('unit')) ?? '');
  const units = commonUnits.includes(unit) ? commonUnits : [unit, ...commonUnits];
  const decimalInput = (field: 'quantity' | 'unitPrice' | 'discountPercent', labelKey: string, percent = false) => (
    <TextInput
      size="xs"
      aria-label={label(labelKey)}
      rightSection={percent ? <Text size="xs">%</Text> : undefined}
      styles={{ input: { textAlign: 'right' } }}
      error={errorOf(field)}
      {...form.register(path(field), decimalRule(field === 'discountPercent'))}
    />
  );
  const select = (field: 'unit' | 'vatRateCode', labelKey: string, data: readonly VatRateOption[]) => (
    <Controller
      control={form.control}
      name={path(field)}
      render={({ field: control }) => (
        <Select
          size="xs"
          aria-label={label(labelKey)}
          allowDeselect={false}
          data={data}
          value={control.value as string}
          onChange={(value) => value && control.onChange(value)}
        />
      )}
    />
  );

  return (
    <Table.Tr data-testid={testId} style={dimmed ? { opacity: 0.6 } : undefined}>
      <Table.Td miw={260}>
        <TextInput size="xs" aria-label={label('description')} error={errorOf('description')} {...form.register(path('description'))} />
        {note}
      </Table.Td>
      <Table.Td w={90}>{decimalInput('quantity', 'quantity')}</Table.Td>
      <Table.Td w={90}>
        {select(
          'unit',
          'unit',
          units.map((code) => ({ value: code, label: t(`unit.${code}`, { defaultValue: code }) })),
        )}
      </Table.Td>
      <Table.Td w={120}>{decimalInput('unitPrice', 'unitPrice')}</Table.Td>
      <Table.Td w={80}>{decimalInput('discountPercent', 'discount', true)}</Table.Td>
      <Table.Td w={110}>{select('vatRateCode', 'vatRate', vatRates)}</Table.Td>
      <Table.Td ta="right" w={120} data-testid={`${testId}-net`}>
        {lineNet === undefined ? '…' : format.money(lineNet, currency)}
      </Table.Td>
      <Table.Td w={100}>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={t('invoice.line.moveUp', { line: lineNumber })}
            disabled={!canMoveUp}
            onClick={() => onMove(-1)}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={t('invoice.line.moveDown', { line: lineNumber })}
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
          >
            ↓
          </ActionIcon>
          <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('invoice.line.remove', { line: lineNumber })} onClick={onRemove}>
            ✕
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
