import { Anchor, Badge, Button, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdminWebhookDeliveriesQuery } from '../../gql/graphql';
import { adminNamespace } from '../i18n/register';
import { adminPaths } from '../paths';
import { useWebhookDeliveries, useWebhookEndpoints } from './use-webhooks';

type Delivery = AdminWebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

const STATUS_COLOR = { PENDING: 'yellow', DELIVERED: 'teal', FAILED: 'red' } as const;

/** One endpoint's deliveries, latest first, each with its last answer; any can be sent again. */
export function WebhookDeliveriesPage() {
  const { t } = useTranslation(adminNamespace);
  const format = useFormatters();
  const id = useParams().id ?? '';
  const { endpoints } = useWebhookEndpoints();
  const { deliveries, loading, error, retry, loadMore, redeliver, redelivering } = useWebhookDeliveries(id);
  const action = useAction();
  const url = endpoints.find((endpoint) => endpoint.id === id)?.url ?? '';
  const lastAnswer = (delivery: Delivery) => {
    const last = delivery.attempts.at(-1);
    if (!last) return '';
    return last.httpStatus === null || last.httpStatus === undefined
      ? t('webhooks.noAnswer')
      : t('webhooks.httpStatus', { status: last.httpStatus });
  };
  return (
    <>
      <Anchor component={Link} to={adminPaths.webhooks} size="sm">
        {t('webhooks.back')}
      </Anchor>
      <PageHeader title={t('webhooks.deliveriesTitle', { url })} />
      <ActionError error={action.error} />
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={deliveries}
          rowKey={(delivery) => delivery.id}
          emptyLabel={t('webhooks.deliveriesEmpty')}
          loadMore={loadMore}
          columns={[
            { key: 'createdAt', header: t('webhooks.deliveryColumn.createdAt'), render: (d) => format.dateTime(d.createdAt) },
            {
              key: 'event',
              header: t('webhooks.deliveryColumn.event'),
              render: (d) => (
                <Text size="sm" ff="monospace">
                  {d.eventType}
                </Text>
              ),
            },
            {
              key: 'status',
              header: t('webhooks.deliveryColumn.status'),
              render: (d) => (
                <Badge variant="light" color={STATUS_COLOR[d.status]}>
                  {t(`webhooks.status.${d.status}`)}
                </Badge>
              ),
            },
            { key: 'attempts', header: t('webhooks.deliveryColumn.attempts'), align: 'right', render: (d) => format.count(d.attemptCount) },
            { key: 'last', header: t('webhooks.deliveryColumn.last'), render: lastAnswer },
            {
              key: 'actions',
              header: t('webhooks.deliveryColumn.actions'),
              render: (d) => (
                <Button size="xs" variant="light" loading={redelivering} onClick={() => void action.run(() => redeliver(d.id))}>
                  {t('webhooks.redeliver')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
