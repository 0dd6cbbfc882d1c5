import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ActionError, useAction } from '@relais/session';
import { apiDecimal, editableDecimal, useFormatters } from '@relais/ui';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { useCreateCreditNote } from '../hooks/use-settlement-actions';

interface CreditNoteValues {
  scope: 'whole' | 'lines';
  reason: string;
  lines: { invoiceLineId: string; chosen: boolean; quantity: string }[];
}

/** "Créer un avoir": the whole invoice or chosen lines and quantities, with a reason; opens the credit-note draft. */
export function CreditNoteModal({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const { create, busy } = useCreateCreditNote(invoice.id);
  const action = useAction();
  const form = useForm<CreditNoteValues>({
    defaultValues: {
      scope: 'whole',
      reason: '',
      lines: invoice.lines.map((line) => ({ invoiceLineId: line.id, chosen: false, quantity: editableDecimal(line.quantity) })),
    },
  });
  const [scope, reason, lines] = useWatch({ control: form.control, name: ['scope', 'reason', 'lines'] });
  const chosen = lines.filter((line) => line.chosen);

  const submit = form.handleSubmit(async (values) => {
    const creditNoteId = await action.run(() =>
      create({
        reason: values.reason.trim(),
        lines:
          values.scope === 'whole'
            ? null
            : values.lines
                .filter((line) => line.chosen)
                .map((line) => ({ invoiceLineId: line.invoiceLineId, quantity: apiDecimal(line.quantity) })),
      }),
    );
    if (creditNoteId) void navigate(billingPaths.creditNote(creditNoteId));
  });

  return (
    <Modal opened onClose={onClose} title={t('creditNote.create.title', { number: invoice.number })} size="xl">
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <SegmentedControl
              value={field.value}
              onChange={field.onChange}
              data={[
                { value: 'whole', label: t('creditNote.create.whole') },
                { value: 'lines', label: t('creditNote.create.someLines') },
              ]}
            />
          )}
        />
        {scope === 'lines' && (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('invoice.line.description')}</Table.Th>
                <Table.Th ta="right">{t('invoice.line.lineNet')}</Table.Th>
                <Table.Th ta="right">{t('creditNote.create.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, index) => (
                <Table.Tr key={line.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('creditNote.create.chooseLine', { line: index + 1 })}
                      {...form.register(`lines.${index}.chosen`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{line.description}</Text>
                    <Text size="xs" c="dimmed">
                      {t('creditNote.create.invoiced', {
                        quantity: format.decimal(line.quantity),
                        unit: t(`unit.${line.unit}`, { defaultValue: line.unit }),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{format.money(line.lineNet, invoice.currency)}</Table.Td>
                  <Table.Td w={110}>
                    <TextInput
                      size="xs"
                      aria-label={t('creditNote.create.quantityOf', { line: index + 1 })}
                      disabled={!lines[index]?.chosen}
                      styles={{ input: { textAlign: 'right' } }}
                      {...form.register(`lines.${index}.quantity`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Textarea label={t('creditNote.create.reason')} required autosize minRows={2} {...form.register('reason')} />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!reason.trim() || (scope === 'lines' && chosen.length === 0)}>
            {t('creditNote.create.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
