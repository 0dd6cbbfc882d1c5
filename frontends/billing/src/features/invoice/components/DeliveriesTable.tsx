import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailDeliveryStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { InvoiceDetail } from '../hooks/use-invoice';

const colorOf: Record<MailDeliveryStatus, string> = { QUEUED: 'gray', SENDING: 'blue', SENT: 'green', FAILED: 'orange', DEAD: 'red' };

/** Each mail of the document: to whom, when, and whether the mail server took it (or why not). */
export function DeliveriesTable({ deliveries }: { deliveries: InvoiceDetail['deliveries'] }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Table verticalSpacing="xs" data-testid="deliveries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('history.delivery')}</Table.Th>
          <Table.Th>{t('send.to')}</Table.Th>
          <Table.Th>{t('invoices.column.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((delivery) => (
          <Table.Tr key={delivery.id}>
            <Table.Td>{format.date(delivery.sentAt ?? delivery.createdAt)}</Table.Td>
            <Table.Td>{delivery.to.join(', ')}</Table.Td>
            <Table.Td>
              <Badge color={colorOf[delivery.status]} variant="light">
                {t(`deliveryStatus.${delivery.status}`)}
              </Badge>
              {delivery.lastError && (
                <Text size="xs" c="dimmed">
                  {t('history.attempts', { count: delivery.attempts })} — {delivery.lastError}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
