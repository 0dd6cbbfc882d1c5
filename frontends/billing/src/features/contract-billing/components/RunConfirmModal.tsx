import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractBillingMode, ContractBillingRunSummaryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useCompanyRunMode, useRunContractBilling, type ContractBillingPreview } from '../hooks/use-contract-billing';

/** How the run leaves its invoices; DEFAULT sends neither mode nor send, so the tenant's setting applies. */
const choices = {
  DEFAULT: { mode: null, send: null },
  ISSUE_SEND: { mode: 'ISSUE', send: true },
  ISSUE: { mode: 'ISSUE', send: false },
  DRAFT: { mode: 'DRAFT', send: false },
} as const satisfies Record<string, { mode: ContractBillingMode | null; send: boolean | null }>;

type Choice = keyof typeof choices;

/** "Lancer la facturation": says what the run will bill (the preview's figures), how, then starts it. */
export function RunConfirmModal({
  preview,
  excludedLineIds,
  onClose,
  onStarted,
}: {
  preview: ContractBillingPreview;
  excludedLineIds: readonly string[];
  onClose: () => void;
  onStarted: (run: ContractBillingRunSummaryFragment) => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { start, busy } = useRunContractBilling();
  const action = useAction();
  const [choice, setChoice] = useState<Choice>('DEFAULT');
  const companyMode = useCompanyRunMode();

  const confirm = async () => {
    const run = await action.run(() => start({ date: preview.billingDate, excludedLineIds, ...choices[choice] }));
    if (run) onStarted(run);
  };

  return (
    <Modal opened onClose={onClose} title={t('contractBilling.confirm.title', { date: format.date(preview.billingDate) })} size="lg">
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('contractBilling.confirm.summary', {
              count: preview.invoiceCount,
              net: format.money(preview.totalNet),
              gross: format.money(preview.totalGross),
            })}
          </Text>
          {preview.blockedCount > 0 && (
            <Text size="sm" c="red.9">
              {t('contractBilling.confirm.blocked', { count: preview.blockedCount })}
            </Text>
          )}
          {excludedLineIds.length > 0 && (
            <Text size="sm" c="orange.9">
              {t('contractBilling.confirm.excluded', { count: excludedLineIds.length })}
            </Text>
          )}
        </Stack>
        <Radio.Group label={t('contractBilling.confirm.mode')} value={choice} onChange={(value) => setChoice(value as Choice)}>
          <Stack gap="xs" mt="xs">
            {(Object.keys(choices) as Choice[]).map((key) => (
              <Radio
                key={key}
                value={key}
                label={
                  key === 'DEFAULT' && companyMode
                    ? t('contractBilling.confirm.modes.DEFAULT_IS', {
                        mode: t(`contractBilling.confirm.modes.${companyMode}`).toLowerCase(),
                      })
                    : t(`contractBilling.confirm.modes.${key}`)
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          {t('contractBilling.confirm.background')}
        </Text>
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-autofocus>
            {t('contractBilling.confirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
