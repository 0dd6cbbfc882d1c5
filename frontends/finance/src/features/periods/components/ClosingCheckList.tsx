import { Anchor, List, Stack, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PeriodCheckKind, PeriodClosingChecksQuery } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths, financePaths } from '../../../routes';

type Check = PeriodClosingChecksQuery['periodClosingChecks']['checks'][number];

/** Where an item is dealt with: the draft itself, the list of interventions to invoice, the bank. */
const pathOf: Record<PeriodCheckKind, (id: string) => string> = {
  UNBILLED_INTERVENTIONS: () => billingPaths.billable,
  UNMATCHED_BANK_MOVEMENTS: () => financePaths.bank,
  DRAFT_INVOICES: billingPaths.invoice,
  DRAFT_CREDIT_NOTES: billingPaths.creditNote,
};

/** One kind of item left in the month: how many, what becomes of them, and the oldest ones, each a link. */
export function ClosingCheckList({ check }: { check: Check }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const more = check.count - check.examples.length;
  return (
    <Stack gap={4} data-testid={`check-${check.kind}`}>
      <Text fw={600}>{t(`periods.closing.check.${check.kind}`, { count: check.count, formattedCount: format.count(check.count) })}</Text>
      <Text size="sm" c="dimmed">
        {t(`periods.closing.hint.${check.kind}`)}
      </Text>
      <List size="sm" spacing={2}>
        {check.examples.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={pathOf[check.kind](item.id)} size="sm">
              {format.date(item.date)} — {item.label}
              {item.amount && ` — ${format.money(item.amount)}`}
            </Anchor>
          </List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          {t('periods.closing.more', { count: more, formattedCount: format.count(more) })}
        </Text>
      )}
    </Stack>
  );
}
