import { Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { BankDirectDebitBatchItemFragment, BankDirectDebitItemFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

/** A direct-debit batch as a reconciliation names it: its file, collection date, size and total. */
export function DirectDebitBatchSummary({ batch }: { batch: BankDirectDebitBatchItemFragment }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <Text size="sm" data-testid="bank-direct-debit-batch">
      {t('bank.directDebit.batch', {
        messageId: batch.messageId,
        date: format.date(batch.collectionDate),
        count: batch.itemCount,
        formattedCount: format.count(batch.itemCount),
        amount: format.money(batch.totalAmount),
      })}
    </Text>
  );
}

/** A collection of a batch as a return names it: the invoice, its customer and the amount taken back. */
export function DirectDebitItemSummary({ item, reasonCode }: { item: BankDirectDebitItemFragment; reasonCode?: string | null }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <Text size="sm" data-testid="bank-direct-debit-item">
      {t('bank.directDebit.item', {
        number: item.invoice.number ?? item.endToEndId,
        customer: item.invoice.customer.name,
        amount: format.money(item.amount),
      })}
      {reasonCode && ` — ${t('bank.directDebit.reasonCode', { code: reasonCode })}`}
    </Text>
  );
}
