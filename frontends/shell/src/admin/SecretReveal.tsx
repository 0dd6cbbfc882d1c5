import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { adminNamespace } from './i18n/register';

/** A secret shown once (an API key, a webhook signing secret), with a copy button and the warning. */
export function SecretReveal({
  title,
  label,
  warning,
  secret,
  onClose,
}: {
  title: string;
  label: string;
  warning: string;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(adminNamespace);
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" role="alert">
          {warning}
        </Alert>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Code block data-testid="revealed-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
