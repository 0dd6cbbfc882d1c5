import { Button, Group, List, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { ActionError } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useBulkClose, type CloseResult } from '../hooks/use-bulk-close';

const numberOf = (result: CloseResult) => result.intervention?.number ?? result.interventionId;

/** « Clôturer (N) »: what the server will close and refuse (and why), then each row's result. */
export function CloseInterventionsModal({ ids, onClose }: { ids: readonly string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation(planningNamespace);
  const bulk = useBulkClose(ids);
  const reason = (result: CloseResult) => (result.code ? t(`interventions.bulkClose.refusal.${result.code}`) : '');
  const closable = bulk.preview?.filter((r) => r.outcome === 'CLOSED') ?? [];
  const refused = bulk.preview?.filter((r) => r.outcome === 'REFUSED') ?? [];
  const already = bulk.preview?.filter((r) => r.outcome === 'ALREADY_CLOSED') ?? [];
  return (
    <Modal
      opened
      onClose={() => onClose(Boolean(bulk.results))}
      title={t('interventions.bulkClose.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('interventions.bulkClose.closeDialog') }}
    >
      {bulk.results ? (
        <Stack>
          <Table data-testid="close-results">
            <Table.Tbody>
              {bulk.results.map((result) => (
                <Table.Tr key={result.interventionId}>
                  <Table.Td>{numberOf(result)}</Table.Td>
                  <Table.Td c={result.outcome === 'REFUSED' ? 'red' : undefined}>
                    {t(`interventions.bulkClose.outcome.${result.outcome}`)}
                    {result.code ? ` : ${reason(result)}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={() => onClose(true)}>{t('interventions.bulkClose.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <ActionError error={bulk.previewError} />
          {!bulk.preview && !bulk.previewError && <Loader size="sm" />}
          {bulk.preview && (
            <>
              <Text fw={500}>{t('interventions.bulkClose.willClose', { count: closable.length })}</Text>
              {already.length > 0 && <Text size="sm">{t('interventions.bulkClose.alreadyClosed', { count: already.length })}</Text>}
              {refused.length > 0 && (
                <>
                  <Text size="sm" c="red">
                    {t('interventions.bulkClose.refused', { count: refused.length })}
                  </Text>
                  <List size="sm" data-testid="close-refusals">
                    {refused.map((result) => (
                      <List.Item key={result.interventionId}>
                        {numberOf(result)} — {reason(result)}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </>
          )}
          <ActionError error={bulk.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={bulk.busy} disabled={closable.length === 0} onClick={() => void bulk.confirm()} data-autofocus>
              {t('interventions.bulkClose.confirm', { count: closable.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
