import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminNamespace } from '../i18n/register';
import { useFieldMessages } from '../use-field-messages';
import { useApiKeyActions } from './use-api-keys';

const SCOPES = [
  'maintenance:read',
  'maintenance:write',
  'billing:read',
  'billing:write',
  'finance:read',
  'finance:write',
  'webhooks:write',
];

/** A scope's translation key ("billing:read" → "billing_read": i18next reads ":" as a namespace separator). */
export const scopeKey = (scope: string) => scope.replace(':', '_');

export function CreateApiKeyModal({ onClose, onCreated }: { onClose: () => void; onCreated: (name: string, token: string) => void }) {
  const { t } = useTranslation(adminNamespace);
  const actions = useApiKeyActions();
  const action = useAction();
  const fields = useFieldMessages(action.error);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const created = await actions.create({ name, scopes });
      if (created) onCreated(created.apiKey.name, created.token);
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('apiKeys.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('apiKeys.field.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
          />
          <Checkbox.Group
            label={t('apiKeys.field.scopes')}
            description={t('apiKeys.scopesHelp')}
            value={scopes}
            onChange={setScopes}
            error={fields.scopes}
          >
            <Stack gap={6} mt="xs">
              {SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`apiKeys.scope.${scopeKey(scope)}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ActionError error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.creating}>
              {t('apiKeys.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
