import { Badge, Button, Code, Group } from '@mantine/core';
import { ConfirmModal, useAction } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApiKeyFragment } from '../../gql/graphql';
import { adminNamespace } from '../i18n/register';
import { SecretReveal } from '../SecretReveal';
import { CreateApiKeyModal, scopeKey } from './CreateApiKeyModal';
import { useApiKeyActions, useApiKeys } from './use-api-keys';

/** "Clés d'API": partner keys, their scopes and use; a new key's secret is shown once; revoking asks first. */
export function ApiKeysPage() {
  const { t } = useTranslation(adminNamespace);
  const format = useFormatters();
  const { keys, loading, error, retry } = useApiKeys();
  const actions = useApiKeyActions();
  const revocation = useAction();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<AdminApiKeyFragment | null>(null);
  const stateOf = (key: AdminApiKeyFragment) => {
    if (key.revokedAt)
      return (
        <Badge color="red" variant="light">
          {t('apiKeys.revokedOn', { date: format.dateTime(key.revokedAt) })}
        </Badge>
      );
    if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())
      return (
        <Badge color="gray" variant="light">
          {t('apiKeys.expiredOn', { date: format.date(key.expiresAt) })}
        </Badge>
      );
    return (
      <Badge color="teal" variant="light">
        {t('apiKeys.active')}
      </Badge>
    );
  };
  return (
    <>
      <PageHeader title={t('apiKeys.title')} subtitle={t('apiKeys.subtitle')}>
        <Button onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>
      </PageHeader>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={keys}
          rowKey={(key) => key.id}
          emptyLabel={t('apiKeys.empty')}
          columns={[
            { key: 'name', header: t('apiKeys.column.name'), render: (key) => key.name },
            { key: 'prefix', header: t('apiKeys.column.prefix'), render: (key) => <Code>rk_{key.prefix}</Code> },
            {
              key: 'scopes',
              header: t('apiKeys.column.scopes'),
              render: (key) => (
                <Group gap={4}>
                  {key.scopes.map((scope) => (
                    <Badge key={scope} variant="outline" size="sm">
                      {t(`apiKeys.scope.${scopeKey(scope)}`, { defaultValue: scope })}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            { key: 'createdAt', header: t('apiKeys.column.createdAt'), render: (key) => format.dateTime(key.createdAt) },
            {
              key: 'lastUsedAt',
              header: t('apiKeys.column.lastUsedAt'),
              render: (key) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('common.never')),
            },
            { key: 'state', header: t('apiKeys.column.state'), render: stateOf },
            {
              key: 'actions',
              header: t('apiKeys.column.actions'),
              render: (key) =>
                !key.revokedAt && (
                  <Button size="xs" variant="light" color="red" onClick={() => setRevoking(key)}>
                    {t('apiKeys.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {creating && (
        <CreateApiKeyModal
          onClose={() => setCreating(false)}
          onCreated={(name, token) => {
            setCreating(false);
            setCreated({ name, token });
          }}
        />
      )}
      {created && (
        <SecretReveal
          title={t('apiKeys.secretTitle', { name: created.name })}
          label={t('apiKeys.secretLabel')}
          warning={t('apiKeys.secretWarning')}
          secret={created.token}
          onClose={() => setCreated(null)}
        />
      )}
      {revoking && (
        <ConfirmModal
          title={t('apiKeys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('apiKeys.revoke')}
          color="red"
          busy={actions.revoking}
          error={revocation.error}
          onClose={() => {
            revocation.clear();
            setRevoking(null);
          }}
          onConfirm={() =>
            void revocation.run(async () => {
              await actions.revoke(revoking.id);
              setRevoking(null);
            })
          }
        >
          {t('apiKeys.revokeBody')}
        </ConfirmModal>
      )}
    </>
  );
}
