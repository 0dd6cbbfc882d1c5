import { useFormAction, FormActionError } from '@relais/session';
import { Alert, Anchor, Button, Group, List, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TerminateContractMutation } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { todayInParis, useFormatters } from '@relais/ui';
import type { ContractDetail } from '../hooks/use-contract';
import { useTerminateContract, type TerminationValues } from '../hooks/use-contract-actions';

type Outcome = TerminateContractMutation['terminateContract'];

/** The form's fields carry the API's names; other refusals go to the alert. */
const terminationPath = (field: string): keyof TerminationValues | null =>
  field === 'noticeReceivedOn' || field === 'effectiveOn' || field === 'reason' ? field : null;

/** "Résilier": when the notice came, the last day and why; then what it did (notice respected, credit notes to issue). */
export function TerminateContractModal({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const { terminate, busy } = useTerminateContract(contract.id);
  const [outcome, setOutcome] = useState<{ result: Outcome; lastDay: string } | null>(null);
  const form = useForm<TerminationValues>({ defaultValues: { noticeReceivedOn: todayInParis(), effectiveOn: '', reason: '' } });
  const action = useFormAction(form, terminationPath);
  const { errors } = form.formState;
  const required = { required: t('contracts.form.required') };

  const submit = form.handleSubmit(async (values) => {
    const done = await action.run(() => terminate({ ...values, reason: values.reason.trim() }));
    if (done) setOutcome({ result: done, lastDay: values.effectiveOn });
  });

  return (
    <Modal opened onClose={onClose} title={t('contracts.terminate.title', { reference: contract.reference })} size="lg">
      {outcome ? (
        <TerminationOutcome contract={contract} outcome={outcome.result} lastDay={outcome.lastDay} onClose={onClose} />
      ) : (
        <Stack component="form" onSubmit={(event) => void submit(event)}>
          <Text size="sm" c="dimmed">
            {t('contracts.terminate.explanation')}
          </Text>
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('contracts.terminate.noticeReceivedOn')}
              withAsterisk
              error={errors.noticeReceivedOn?.message}
              {...form.register('noticeReceivedOn', required)}
            />
            <TextInput
              type="date"
              label={t('contracts.terminate.effectiveOn')}
              withAsterisk
              data-autofocus
              error={errors.effectiveOn?.message}
              {...form.register('effectiveOn', required)}
            />
          </SimpleGrid>
          <Textarea
            label={t('contracts.terminate.reason')}
            placeholder={t('contracts.terminate.reasonPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            error={errors.reason?.message}
            {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('contracts.form.required') })}
          />
          <FormActionError error={action.error} unplaced={action.unplaced} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('contracts.terminate.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function TerminationOutcome({
  contract,
  outcome,
  lastDay,
  onClose,
}: {
  contract: ContractDetail;
  outcome: Outcome;
  lastDay: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Stack data-testid="termination-outcome">
      <Alert
        color={outcome.noticeRespected ? 'green' : 'orange'}
        title={t('contracts.terminate.done')}
        data-testid="notice-respected"
        data-respected={outcome.noticeRespected}
      >
        {t('contracts.terminate.lastDay', { date: format.date(lastDay) })}{' '}
        {outcome.noticeRespected
          ? t('contracts.terminate.noticeRespected', { days: contract.noticeDays })
          : t('contracts.terminate.noticeNotRespected', { days: contract.noticeDays })}
      </Alert>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('contracts.terminate.creditNotes')}
        </Text>
        {outcome.creditNoteProposals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contracts.terminate.noCreditNote')}
          </Text>
        ) : (
          <List size="sm">
            {outcome.creditNoteProposals.map((creditNote) => (
              <List.Item key={creditNote.id}>
                <Anchor component={Link} to={billingPaths.creditNote(creditNote.id)}>
                  {t('contracts.terminate.creditNote', { amount: format.money(creditNote.totalGross, creditNote.currency) })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {outcome.draftsToReview.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('contracts.terminate.drafts')}
          </Text>
          <List size="sm">
            {outcome.draftsToReview.map((draft) => (
              <List.Item key={draft.id}>
                <Anchor component={Link} to={billingPaths.invoice(draft.id)}>
                  {t('contracts.terminate.draft', { amount: format.money(draft.totalGross, draft.currency) })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('contracts.terminate.close')}</Button>
      </Group>
    </Stack>
  );
}
