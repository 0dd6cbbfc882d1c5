import { Button, Table, Text } from '@mantine/core';
import { ConfirmModal, useAction, useCan } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { useCancelWriteOff } from '../hooks/use-settlement-actions';

type WriteOff = InvoiceDetail['writeOffs'][number];

/** The invoice's write-offs (passages en perte), cancelled ones struck through; those who may (finance:write) cancel one. */
export function WriteOffsTable({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, invoice.currency);
  const canCancel = useCan('finance:write');
  const [cancelling, setCancelling] = useState<WriteOff | null>(null);
  const { cancel, busy } = useCancelWriteOff();
  const action = useAction();
  const close = () => {
    action.clear();
    setCancelling(null);
  };
  return (
    <>
      <Table verticalSpacing="xs" data-testid="write-offs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('writeOffs.writtenOffOn')}</Table.Th>
            <Table.Th>{t('writeOffs.kind')}</Table.Th>
            <Table.Th>{t('writeOffs.by')}</Table.Th>
            <Table.Th ta="right">{t('writeOffs.amount')}</Table.Th>
            {canCancel && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.writeOffs.map((writeOff) => (
            <Table.Tr key={writeOff.id} c={writeOff.cancelledOn ? 'dimmed' : undefined} data-testid="write-off">
              <Table.Td>{format.date(writeOff.writtenOffOn)}</Table.Td>
              <Table.Td>
                {t(`writeOffs.kinds.${writeOff.kind}`)}
                <Text size="xs" c="dimmed">
                  {writeOff.reason}
                </Text>
                {writeOff.cancelledOn && (
                  <Text size="xs" c="red">
                    {writeOff.cancelledBy
                      ? t('writeOffs.cancelledBy', { date: format.date(writeOff.cancelledOn), who: writeOff.cancelledBy })
                      : t('writeOffs.cancelled', { date: format.date(writeOff.cancelledOn) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{writeOff.writtenOffBy ?? '—'}</Table.Td>
              <Table.Td ta="right" td={writeOff.cancelledOn ? 'line-through' : undefined}>
                {money(writeOff.amount)}
              </Table.Td>
              {canCancel && (
                <Table.Td ta="right">
                  {!writeOff.cancelledOn && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(writeOff)}>
                      {t('writeOffs.cancel')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cancelling && (
        <ConfirmModal
          title={t('writeOffs.cancelTitle', { amount: money(cancelling.amount) })}
          confirmLabel={t('writeOffs.confirm')}
          color="red"
          busy={busy}
          error={action.error}
          onClose={close}
          onConfirm={() =>
            void action.run(async () => {
              await cancel(cancelling.id, cancelling.version);
              close();
            })
          }
        >
          {t('writeOffs.cancelText')}
        </ConfirmModal>
      )}
    </>
  );
}
