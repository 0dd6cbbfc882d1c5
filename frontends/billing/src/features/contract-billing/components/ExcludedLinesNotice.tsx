import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { LineExclusions } from '../hooks/use-line-exclusions';

/** Every line left out of the run, each restorable, even when its contract no longer shows in the preview. */
export function ExcludedLinesNotice({ exclusions }: { exclusions: LineExclusions }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  if (exclusions.lines.length === 0) return null;
  return (
    <Alert color="yellow" title={t('contractBilling.excluded.title', { count: exclusions.lines.length })} data-testid="excluded-lines">
      <Text size="sm" mb="xs">
        {t('contractBilling.excluded.body')}
      </Text>
      <List size="sm" spacing={4}>
        {exclusions.lines.map((line) => {
          const names = { label: line.label, reference: line.reference, start: format.date(line.start), end: format.date(line.end) };
          return (
            <List.Item key={line.id}>
              <Group gap="xs">
                <Text size="sm">{t('contractBilling.excluded.line', names)}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('contractBilling.excluded.restoreLine', names)}
                  onClick={() => exclusions.restore(line.id)}
                >
                  {t('contractBilling.restore')}
                </Button>
              </Group>
            </List.Item>
          );
        })}
      </List>
      {exclusions.lines.length > 1 && (
        <Button size="xs" variant="light" color="yellow" mt="sm" onClick={exclusions.clear}>
          {t('contractBilling.excluded.restoreAll')}
        </Button>
      )}
    </Alert>
  );
}
