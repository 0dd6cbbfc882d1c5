import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n/register';

/** Keeps the shell usable when a remote app cannot be downloaded or crashes. */
export class RemoteErrorBoundary extends Component<{ appName: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <RemoteUnavailable appName={this.props.appName} /> : this.props.children;
  }
}

function RemoteUnavailable({ appName }: { appName: string }) {
  const { t } = useTranslation(shellNamespace);
  return (
    <Alert color="red" title={t('remote.unavailable', { app: appName })}>
      <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
        {t('remote.reload')}
      </Button>
    </Alert>
  );
}
