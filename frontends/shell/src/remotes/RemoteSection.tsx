import { LoadingState } from '@relais/ui';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n/register';
import { RemoteErrorBoundary } from './RemoteErrorBoundary';
import type { Section } from './sections';

export function RemoteSection({ section }: { section: Section }) {
  const { t } = useTranslation(shellNamespace);
  return (
    <RemoteErrorBoundary appName={t(`navigation.${section.key}`)}>
      <Suspense fallback={<LoadingState />}>
        <section.App />
      </Suspense>
    </RemoteErrorBoundary>
  );
}
