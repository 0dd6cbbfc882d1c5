import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ConfirmModal, useAction } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminWebhookEndpointFragment } from '../../gql/graphql';
import { adminNamespace } from '../i18n/register';
import { adminPaths } from '../paths';
import { SecretReveal } from '../SecretReveal';
import { CreateWebhookModal } from './CreateWebhookModal';
import { useWebhookActions, useWebhookEndpoints } from './use-webhooks';

/** "Webhooks": partner endpoints, their events and health; a new or rotated secret is shown once. */
export function WebhooksPage() {
  const { t } = useTranslation(adminNamespace);
  const format = useFormatters();
  const { endpoints, eventTypes, loading, error, retry } = useWebhookEndpoints();
  const actions = useWebhookActions();
  const rotation = useAction();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState<AdminWebhookEndpointFragment | null>(null);
  const stateOf = (endpoint: AdminWebhookEndpointFragment) => {
    if (!endpoint.enabled)
      return (
        <Badge color="gray" variant="light">
          {endpoint.disabledReason === 'FAILING' ? t('webhooks.disabledFailing') : t('webhooks.disabledManual')}
        </Badge>
      );
    return (
      <Badge color="teal" variant="light">
        {t('webhooks.enabled')}
      </Badge>
    );
  };
  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')}>
        <Button onClick={() => setCreating(true)}>{t('webhooks.create')}</Button>
      </PageHeader>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={endpoints}
          rowKey={(endpoint) => endpoint.id}
          emptyLabel={t('webhooks.empty')}
          columns={[
            {
              key: 'url',
              header: t('webhooks.column.url'),
              render: (endpoint) => (
                <Stack gap={0}>
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {endpoint.url}
                  </Text>
                  {endpoint.description && (
                    <Text size="xs" c="dimmed">
                      {endpoint.description}
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              key: 'events',
              header: t('webhooks.column.events'),
              render: (endpoint) => (
                <Group gap={4}>
                  {endpoint.eventTypes.map((type) => (
                    <Badge key={type} variant="outline" size="sm" tt="none">
                      {type}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            { key: 'state', header: t('webhooks.column.state'), render: stateOf },
            {
              key: 'lastDelivery',
              header: t('webhooks.column.lastDelivery'),
              render: (endpoint) => (
                <Stack gap={0}>
                  <Text size="sm">
                    {endpoint.lastSuccessAt
                      ? t('webhooks.lastSuccess', { date: format.dateTime(endpoint.lastSuccessAt) })
                      : t('webhooks.noDelivery')}
                  </Text>
                  {endpoint.consecutiveFailures > 0 && (
                    <Text size="xs" c="red">
                      {t('webhooks.failing', { count: endpoint.consecutiveFailures })}
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              key: 'actions',
              header: t('webhooks.column.actions'),
              render: (endpoint) => (
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={adminPaths.webhookDeliveries(endpoint.id)} size="sm">
                    {t('webhooks.deliveries')}
                  </Anchor>
                  <Button size="xs" variant="light" onClick={() => setRotating(endpoint)}>
                    {t('webhooks.rotate')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      {creating && (
        <CreateWebhookModal
          eventTypes={eventTypes}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
          }}
        />
      )}
      {secret && (
        <SecretReveal
          title={t('webhooks.secretTitle')}
          label={t('webhooks.secretLabel')}
          warning={t('webhooks.secretWarning')}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
      {rotating && (
        <ConfirmModal
          title={t('webhooks.rotateTitle', { url: rotating.url })}
          confirmLabel={t('webhooks.rotate')}
          busy={actions.rotating}
          error={rotation.error}
          onClose={() => {
            rotation.clear();
            setRotating(null);
          }}
          onConfirm={() =>
            void rotation.run(async () => {
              const rotated = await actions.rotate(rotating.id);
              setRotating(null);
              if (rotated) setSecret(rotated.secret);
            })
          }
        >
          {t('webhooks.rotateBody')}
        </ConfirmModal>
      )}
    </>
  );
}
