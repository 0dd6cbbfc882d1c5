import { Anchor, Button, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';

/** The customer's acceptance page: opened in a new tab, or copied to paste in a message. */
export function PublicLink({ url }: { url: string }) {
  const { t } = useTranslation(billingNamespace);
  const absolute = new URL(url, window.location.origin).href;
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor
        href={absolute}
        target="_blank"
        rel="noopener noreferrer"
        title={t('quotes.publicLink.open')}
        data-testid="quote-public-link"
        style={{ wordBreak: 'break-all', minWidth: 0 }}
      >
        {absolute}
      </Anchor>
      <CopyButton value={absolute}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" color={copied ? 'green' : undefined} onClick={copy} style={{ flexShrink: 0 }}>
            {copied ? t('quotes.publicLink.copied') : t('quotes.publicLink.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
