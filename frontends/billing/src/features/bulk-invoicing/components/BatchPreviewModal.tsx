import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { LoadingState, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingSelectionInput } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { useBatchPreview, useStartBillingBatch } from '../hooks/use-bulk-invoicing';

/**
 * "Facturer la sélection": one row per invoice the batch will create (customer, interventions,
 * lines, totals, who it goes to), as the server priced it; then "Créer, émettre et envoyer".
 */
export function BatchPreviewModal({
  selection,
  onClose,
  onStarted,
}: {
  selection: BillingSelectionInput;
  onClose: () => void;
  onStarted: (batchId: string) => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { preview, loading, error } = useBatchPreview(selection);
  const { start, busy } = useStartBillingBatch();
  const action = useAction();
  const [send, setSend] = useState(true);

  const confirm = async () => {
    const id = await action.run(() => start(selection, send));
    if (id) onStarted(id);
  };

  return (
    <Modal opened onClose={onClose} title={t('bulkInvoicing.preview.title')} size="80rem">
      {loading && <LoadingState />}
      {error && <ActionError error={error} />}
      {preview && (
        <Stack data-testid="batch-preview">
          <Text fw={500} data-testid="batch-preview-summary">
            {t('bulkInvoicing.preview.summary', {
              count: preview.invoiceCount,
              interventions: t('bulkInvoicing.preview.interventions', { count: preview.interventionCount }),
              net: format.money(preview.totalNet),
              vat: format.money(preview.totalVat),
              gross: format.money(preview.totalGross),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`bulkInvoicing.preview.grouping.${preview.grouping}`)}
          </Text>
          <Table.ScrollContainer minWidth={900} mah={420}>
            <Table verticalSpacing={6} striped stickyHeader data-testid="batch-preview-groups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bulkInvoicing.preview.column.customer')}</Table.Th>
                  <Table.Th ta="right">{t('bulkInvoicing.preview.column.interventions')}</Table.Th>
                  <Table.Th ta="right">{t('bulkInvoicing.preview.column.lines')}</Table.Th>
                  <Table.Th ta="right">{t('bulkInvoicing.preview.column.net')}</Table.Th>
                  <Table.Th ta="right">{t('bulkInvoicing.preview.column.vat')}</Table.Th>
                  <Table.Th ta="right">{t('bulkInvoicing.preview.column.gross')}</Table.Th>
                  <Table.Th>{t('bulkInvoicing.preview.column.recipient')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.groups.map((group) => (
                  <Table.Tr key={group.key} data-testid="batch-preview-group">
                    <Table.Td fw={500}>{group.label}</Table.Td>
                    <Table.Td ta="right">{group.interventionCount}</Table.Td>
                    <Table.Td ta="right">{group.lineCount}</Table.Td>
                    <Table.Td ta="right">{format.money(group.totalNet)}</Table.Td>
                    <Table.Td ta="right">{format.money(group.totalVat)}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="batch-preview-gross">
                      {format.money(group.totalGross)}
                    </Table.Td>
                    <Table.Td data-testid="batch-preview-recipient">
                      {group.recipients.length > 0 ? (
                        <>
                          <Text size="sm">{group.recipients.join(', ')}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`bulkInvoicing.preview.source.${group.recipientSource}`)}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="orange.9">
                          {t('bulkInvoicing.preview.noRecipient')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('bulkInvoicing.preview.total')}</Table.Th>
                  <Table.Th ta="right">{preview.interventionCount}</Table.Th>
                  <Table.Th />
                  <Table.Th ta="right">{format.money(preview.totalNet)}</Table.Th>
                  <Table.Th ta="right">{format.money(preview.totalVat)}</Table.Th>
                  <Table.Th ta="right">{format.money(preview.totalGross)}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          {send && preview.withoutRecipient > 0 && (
            <Alert color="orange" variant="light">
              {t('bulkInvoicing.preview.withoutRecipient', { count: preview.withoutRecipient })}
            </Alert>
          )}
          <Checkbox label={t('bulkInvoicing.preview.send')} checked={send} onChange={(event) => setSend(event.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {t('bulkInvoicing.preview.legal')}
          </Text>
          <ActionError error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void confirm()} data-autofocus>
              {send ? t('bulkInvoicing.preview.confirmSend') : t('bulkInvoicing.preview.confirmIssue')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
