import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { FieldList, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ConfirmModal, useAction } from '@relais/session';
import type { ContractDetail } from '../hooks/use-contract';
import { useSendRenewalNotice } from '../hooks/use-contract-actions';
import { RenewalStateBadge } from './RenewalStateBadge';

/** "Reconduction": where the contract stands with its renewal, the notices sent, and sending the next one. */
export function RenewalCard({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const renewal = contract.renewal;
  const { send, busy } = useSendRenewalNotice(contract.id);
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const canSend = contract.tacitRenewal && renewal.state !== 'TERMINATED' && renewal.state !== 'EXPIRED';

  const confirmSend = async () => {
    const sent = await action.run(send);
    if (sent) setConfirming(false);
  };

  return (
    <SectionCard title={t('contracts.renewal.title')}>
      <Stack gap="md" data-testid="renewal">
        <FieldList
          fields={[
            { label: t('contracts.renewal.state'), value: <RenewalStateBadge state={renewal.state} /> },
            {
              label: renewal.state === 'TERMINATED' ? t('contracts.renewal.lastDay') : t('contracts.renewal.termEnd'),
              value: renewal.termEnd ? format.date(renewal.termEnd) : null,
            },
            {
              label: t('contracts.renewal.tacitRenewal'),
              value: contract.tacitRenewal ? t('contracts.renewal.yes') : t('contracts.renewal.no'),
            },
            { label: t('contracts.renewal.noticeDays'), value: t('contracts.renewal.noticeDaysValue', { count: contract.noticeDays }) },
            ...(renewal.noticeDeadline
              ? [{ label: t('contracts.renewal.noticeDeadline'), value: format.date(renewal.noticeDeadline) }]
              : []),
            ...(renewal.noticeWindowFrom && renewal.noticeWindowUntil
              ? [
                  {
                    label: t('contracts.renewal.noticeWindow'),
                    value: t('contracts.renewal.noticeWindowValue', {
                      from: format.date(renewal.noticeWindowFrom),
                      until: format.date(renewal.noticeWindowUntil),
                    }),
                  },
                ]
              : []),
          ]}
        />
        <Divider />
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('contracts.renewal.notices')}
          </Text>
          {renewal.notices.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.renewal.noNotices')}
            </Text>
          ) : (
            renewal.notices.map((notice) => (
              <Stack key={notice.id} gap={0} data-testid="renewal-notice">
                <Text size="sm">
                  {t('contracts.renewal.notice', { date: format.dateTime(notice.sentAt), to: notice.sentTo.join(', ') })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('contracts.renewal.noticeTerm', {
                    termEnd: format.date(notice.termEnd),
                    deadline: format.date(notice.noticeDeadline),
                  })}
                  {' · '}
                  {notice.nextFee
                    ? t('contracts.renewal.noticeFees', { current: format.money(notice.currentFee), next: format.money(notice.nextFee) })
                    : t('contracts.renewal.noticeFee', { current: format.money(notice.currentFee) })}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
        {canSend && (
          <Group>
            <Button variant="light" onClick={() => setConfirming(true)}>
              {t('contracts.renewal.send')}
            </Button>
          </Group>
        )}
      </Stack>
      {confirming && (
        <ConfirmModal
          title={t('contracts.renewal.sendTitle')}
          confirmLabel={t('contracts.renewal.sendConfirm')}
          busy={busy}
          error={action.error}
          onConfirm={() => void confirmSend()}
          onClose={() => {
            action.clear();
            setConfirming(false);
          }}
        >
          {t('contracts.renewal.sendText')}
        </ConfirmModal>
      )}
    </SectionCard>
  );
}
