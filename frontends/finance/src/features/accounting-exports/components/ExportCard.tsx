import { Button, Group, Stack, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { SectionCard } from '@relais/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountingExportInput } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { useAccountingExport, type ExportPreview } from '../hooks/use-accounting-exports';
import { ExportPreviewView } from './ExportPreviewView';

interface ExportCardProps {
  title: string;
  description: string;
  /** The export the form describes; null while it is incomplete. */
  input: AccountingExportInput | null;
  /** Called once the download has started. */
  onDownload: () => void;
  testId: string;
  children: ReactNode;
}

/** One export: its form, "Aperçu" (the server's preview), "Télécharger" (a signed link the browser follows). */
export function ExportCard({ title, description, input, onDownload, testId, children }: ExportCardProps) {
  const { t } = useTranslation(financeNamespace);
  const { preview, download, linking } = useAccountingExport();
  const action = useAction();
  const [previewing, setPreviewing] = useState(false);
  // The preview and the "download started" notice belong to the form's values: a change hides them.
  const key = JSON.stringify(input);
  const [shownFor, setShown] = useState<{ key: string; preview: ExportPreview } | null>(null);
  const [startedFor, setStarted] = useState<{ key: string; file: string } | null>(null);
  const shown = shownFor?.key === key ? shownFor.preview : null;
  const started = startedFor?.key === key ? startedFor.file : null;

  const showPreview = async () => {
    if (!input) return;
    setPreviewing(true);
    const result = await action.run(() => preview(input));
    setPreviewing(false);
    if (result) setShown({ key, preview: result });
  };
  const start = async () => {
    if (!input) return;
    const file = await action.run(() => download(input));
    if (!file) return;
    setStarted({ key, file });
    onDownload();
  };

  return (
    <div data-testid={testId}>
      <SectionCard title={title}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {description}
          </Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {children}
            <Button variant="default" disabled={!input} loading={previewing} onClick={() => void showPreview()}>
              {t('exports.preview')}
            </Button>
            <Button disabled={!input} loading={linking} onClick={() => void start()}>
              {t('exports.download')}
            </Button>
          </Group>
          <ActionError error={action.error} />
          {started && (
            <Text size="sm" c="teal.8" role="status">
              {t('exports.downloadStarted', { file: started })}
            </Text>
          )}
          {shown && <ExportPreviewView preview={shown} />}
        </Stack>
      </SectionCard>
    </div>
  );
}
