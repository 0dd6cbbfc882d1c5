import { Alert, Button, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" aria-label={t('state.loading')}>
      <Loader />
    </Center>
  );
}

export function ErrorNotice({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('state.error')}>
      {onRetry && (
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      )}
    </Alert>
  );
}
