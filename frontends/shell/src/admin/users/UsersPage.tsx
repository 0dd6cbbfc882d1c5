import { Alert, Badge, Button, Group, Select } from '@mantine/core';
import { ActionError, ConfirmModal, useAction } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUsersQuery, Role } from '../../gql/graphql';
import { adminNamespace } from '../i18n/register';
import { InviteUserModal } from './InviteUserModal';
import { useUserActions, useUsers } from './use-users';

type UserRow = AdminUsersQuery['users'][number];

export const ROLES: readonly Role[] = ['ADMIN', 'PLANNER', 'TECHNICIAN', 'BILLING', 'ACCOUNTANT'];

/** "Utilisateurs": who may sign in, their role, deactivation; the API keeps at least one active admin (LAST_ADMIN). */
export function UsersPage() {
  const { t } = useTranslation(adminNamespace);
  const format = useFormatters();
  const { users, loading, error, retry } = useUsers();
  const actions = useUserActions();
  const action = useAction();
  const deactivation = useAction();
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState<UserRow | null>(null);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')}>
        <Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>
      </PageHeader>
      <Alert color="blue" variant="light" mb="md">
        {t('users.lastAdminHint')}
      </Alert>
      {invited && (
        <Alert color="teal" mb="md" withCloseButton onClose={() => setInvited(null)}>
          {t('users.invited', { email: invited })}
        </Alert>
      )}
      <ActionError error={action.error} />
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={users}
          rowKey={(user) => user.id}
          emptyLabel={t('users.empty')}
          columns={[
            { key: 'name', header: t('users.column.name'), render: (user) => user.fullName },
            { key: 'email', header: t('users.column.email'), render: (user) => user.email },
            {
              key: 'role',
              header: t('users.column.role'),
              render: (user) => (
                <Select
                  aria-label={t('users.changeRole', { name: user.fullName })}
                  data={roleOptions}
                  value={user.role}
                  allowDeselect={false}
                  size="xs"
                  w={220}
                  onChange={(role) => role && void action.run(() => actions.changeRole(user.id, role as Role))}
                />
              ),
            },
            {
              key: 'state',
              header: t('users.column.state'),
              render: (user) => (
                <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
              ),
            },
            {
              key: 'lastLogin',
              header: t('users.column.lastLogin'),
              render: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('common.never')),
            },
            {
              key: 'actions',
              header: t('users.column.actions'),
              render: (user) => (
                <Group gap="xs">
                  {user.active ? (
                    <Button size="xs" variant="light" color="red" onClick={() => setDeactivating(user)}>
                      {t('users.deactivate')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      loading={actions.activating}
                      onClick={() => void action.run(() => actions.setActive(user.id, true))}
                    >
                      {t('users.reactivate')}
                    </Button>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
      {inviting && (
        <InviteUserModal
          roleOptions={roleOptions}
          onClose={() => setInviting(false)}
          onInvited={(email) => {
            setInviting(false);
            setInvited(email);
          }}
        />
      )}
      {deactivating && (
        <ConfirmModal
          title={t('users.deactivateTitle', { name: deactivating.fullName })}
          confirmLabel={t('users.deactivate')}
          color="red"
          busy={actions.activating}
          error={deactivation.error}
          onClose={() => {
            deactivation.clear();
            setDeactivating(null);
          }}
          onConfirm={() =>
            void deactivation.run(async () => {
              await actions.setActive(deactivating.id, false);
              setDeactivating(null);
            })
          }
        >
          {t('users.deactivateBody', { name: deactivating.fullName })}
        </ConfirmModal>
      )}
    </>
  );
}
