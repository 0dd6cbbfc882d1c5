import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { adminNamespace } from '../i18n/register';
import { useFieldMessages } from '../use-field-messages';
import { useUserActions } from './use-users';

export function InviteUserModal({
  roleOptions,
  onClose,
  onInvited,
}: {
  roleOptions: { value: Role; label: string }[];
  onClose: () => void;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation(adminNamespace);
  const actions = useUserActions();
  const action = useAction();
  const fields = useFieldMessages(action.error);
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('PLANNER');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const user = await actions.invite({ email, fullName, role });
      if (user) onInvited(user.email);
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.inviteTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('users.inviteHelp')}
          </Text>
          <TextInput
            label={t('users.field.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
          />
          <TextInput
            label={t('users.field.fullName')}
            required
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={fields.fullName}
          />
          <Select
            label={t('users.field.role')}
            data={roleOptions}
            value={role}
            allowDeselect={false}
            onChange={(value) => value && setRole(value as Role)}
            error={fields.role}
          />
          <ActionError error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.inviting}>
              {t('users.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
