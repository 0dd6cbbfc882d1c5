import { Button, Group, Loader, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ActionError, FormActionError } from '@relais/session';
import { isTypedDecimal, useFormatters } from '@relais/ui';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { ProposedEntryTable } from '../../deferred-revenue/components/ProposedEntryTable';
import { useWriteOffForm, writeOffKinds, type WriteOffTarget } from '../hooks/use-write-off';

/** "Passer en perte": kind, amount, date and reason, and the entry the ledger will post, before confirming. */
export function WriteOffModal({ target, onClose }: { target: WriteOffTarget; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { form, action, submit, busy, preview } = useWriteOffForm(target, onClose);
  const { errors } = form.formState;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('writeOff.title', { number: target.invoiceNumber })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack component="form" onSubmit={(event) => void submit(event)} data-testid="write-off-modal">
        <Text size="sm">{t('writeOff.explanation', { customer: target.customerName, balance: format.money(target.openBalance) })}</Text>
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Radio.Group
              label={t('writeOff.kindLabel')}
              withAsterisk
              value={field.value}
              onChange={field.onChange}
              error={errors.kind?.message}
            >
              <Stack gap="xs" mt={4}>
                {writeOffKinds.map((kind) => (
                  <Radio key={kind} value={kind} label={t(`writeOff.kind.${kind}`)} description={t(`writeOff.kindHelp.${kind}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('writeOff.amount')}
            description={t('writeOff.amountHelp')}
            withAsterisk
            inputMode="decimal"
            error={errors.amount?.message}
            {...form.register('amount', { validate: (value) => isTypedDecimal(value) || t('common.invalidAmount') })}
          />
          <TextInput
            type="date"
            label={t('writeOff.date')}
            withAsterisk
            error={errors.writtenOffOn?.message}
            {...form.register('writtenOffOn', { required: t('common.required') })}
          />
        </Group>
        <Textarea
          label={t('writeOff.reason')}
          placeholder={t('writeOff.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={errors.reason?.message}
          {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('common.required') })}
        />
        {preview.loading && !preview.result ? (
          <Loader size="sm" />
        ) : preview.error ? (
          <ActionError error={preview.error} />
        ) : (
          preview.result?.entry && (
            <ProposedEntryTable
              title={t('writeOff.entry', { date: format.date(preview.result.entry.entryDate) })}
              entry={preview.result.entry}
              testId="write-off-entry"
            />
          )
        )}
        <FormActionError error={action.error} unplaced={action.unplaced} onReload={action.clear} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {preview.result ? t('writeOff.confirmAmount', { amount: format.money(preview.result.amount) }) : t('writeOff.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
