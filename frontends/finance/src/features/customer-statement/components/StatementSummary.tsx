import { SimpleGrid } from '@mantine/core';
import { FigureCard, isNegativeAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { CustomerStatement } from '../hooks/use-customer-statement';

/** The statement in four figures: what was owed at the start, what was added and paid in the period, what is owed at the end. */
export function StatementSummary({ statement }: { statement: CustomerStatement }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="group" aria-label={t('statement.summary.label')}>
      <FigureCard
        label={t('statement.summary.opening', { date: format.date(statement.from) })}
        value={format.money(statement.openingBalance)}
        testId="statement-opening"
      />
      <FigureCard label={t('statement.summary.debit')} value={format.money(statement.totalDebit)} testId="statement-debit" />
      <FigureCard label={t('statement.summary.credit')} value={format.money(statement.totalCredit)} testId="statement-credit" />
      <FigureCard
        label={t('statement.summary.closing', { date: format.date(statement.to) })}
        value={format.money(statement.closingBalance)}
        detail={isNegativeAmount(statement.closingBalance) ? t('statement.summary.inCustomerFavour') : undefined}
        testId="statement-closing"
        strong
      />
    </SimpleGrid>
  );
}
