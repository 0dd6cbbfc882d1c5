import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { editableDecimal } from '@relais/ui';
import { LineRow, LineTableHead } from '../../../shared/lines/LineRow';
import { emptyLine, type DraftFormValues } from '../hooks/draft-form';
import type { CatalogItem, VatRateOption } from '../hooks/use-editor-data';
import { CatalogPickerModal } from './CatalogPickerModal';

/** The lines of a draft: typed inline, added by hand or from the catalog, removed, reordered. */
export function DraftLinesEditor({
  form,
  vatRates,
  defaultVatRateCode,
  lineNets,
  currency,
}: {
  form: UseFormReturn<DraftFormValues>;
  vatRates: readonly VatRateOption[];
  defaultVatRateCode: string;
  lineNets: readonly string[] | undefined;
  currency: string;
}) {
  const { t } = useTranslation(billingNamespace);
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'lines' });
  const [pickingFromCatalog, setPickingFromCatalog] = useState(false);

  const addFromCatalog = (item: CatalogItem) =>
    append({
      ...emptyLine(defaultVatRateCode),
      kind: item.kind === 'PART' ? 'PART' : 'OTHER',
      description: `${item.label} (${item.code})`,
      unit: item.unit,
      unitPrice: editableDecimal(item.salePrice, 2),
      vatRateCode: item.vatRateCode,
    });

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} data-testid="invoice-lines">
          <LineTableHead />
          <Table.Tbody>
            {fields.map((field, index) => (
              <LineRow
                key={field.id}
                form={form}
                name={`lines.${index}`}
                lineNumber={index + 1}
                vatRates={vatRates}
                lineNet={lineNets?.[index]}
                currency={currency}
                note={
                  field.reason && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {field.reason}
                    </Text>
                  )
                }
                canMoveUp={index > 0}
                canMoveDown={index < fields.length - 1}
                onMove={(direction) => move(index, index + direction)}
                onRemove={() => remove(index)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="sm" gap="sm">
        <Button variant="light" size="xs" onClick={() => append(emptyLine(defaultVatRateCode))}>
          {t('invoice.editor.addLine')}
        </Button>
        <Button variant="light" size="xs" onClick={() => setPickingFromCatalog(true)}>
          {t('invoice.editor.addFromCatalog')}
        </Button>
      </Group>
      {pickingFromCatalog && <CatalogPickerModal onPick={addFromCatalog} onClose={() => setPickingFromCatalog(false)} />}
    </>
  );
}
