import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminNamespace } from '../i18n/register';
import { useFieldMessages } from '../use-field-messages';
import { useWebhookActions } from './use-webhooks';

export function CreateWebhookModal({
  eventTypes,
  onClose,
  onCreated,
}: {
  eventTypes: readonly string[];
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation(adminNamespace);
  const actions = useWebhookActions();
  const action = useAction();
  const fields = useFieldMessages(action.error);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const created = await actions.create({ url, description, eventTypes: events });
      if (created) onCreated(created.secret);
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('webhooks.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('webhooks.field.url')}
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fields.url}
          />
          <TextInput
            label={t('webhooks.field.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fields.description}
          />
          <Checkbox.Group label={t('webhooks.field.events')} value={events} onChange={setEvents} error={fields.eventTypes}>
            <Stack gap={6} mt="xs">
              {eventTypes.map((type) => (
                <Checkbox key={type} value={type} label={type} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ActionError error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.creating}>
              {t('webhooks.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
