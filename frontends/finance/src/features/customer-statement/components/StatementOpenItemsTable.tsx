import { Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { CustomerStatement } from '../hooks/use-customer-statement';
import { WriteOffButton } from '../../write-off/components/WriteOffButton';
import { OpenItemsTable } from './OpenItemsTable';

/** What was still open at the end of the period, oldest due first; it adds up to the closing balance. */
export function StatementOpenItemsTable({ statement }: { statement: CustomerStatement }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('statement.openItems.title', { date: format.date(statement.to) })}>
      {statement.openItems.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('statement.openItems.empty')}
        </Text>
      ) : (
        <OpenItemsTable
          items={statement.openItems}
          total={statement.closingBalance}
          testId="statement-open-items"
          action={(item) =>
            item.invoice && (
              <WriteOffButton
                target={{
                  invoiceId: item.invoice.id,
                  invoiceNumber: item.reference ?? '',
                  customerName: statement.customerName,
                  openBalance: item.openBalance,
                }}
              />
            )
          }
        />
      )}
    </SectionCard>
  );
}
