import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ConvertQuoteInput, QuoteInvoiceMode } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ActionError, useAction } from '@relais/session';
import { apiDecimal, useFormatters } from '@relais/ui';
import { isCounted } from '../hooks/quote-form';
import { useQuoteActions, type QuoteDetail } from '../hooks/use-quote';

const titleOf: Record<QuoteInvoiceMode, string> = {
  FULL: 'quotes.billing.full',
  DEPOSIT: 'quotes.billing.deposit',
  PROGRESS: 'quotes.billing.progress',
  FINAL: 'quotes.billing.final',
};

/**
 * The next invoice of an accepted quote, in one of the four ways (full, deposit, progress,
 * final), created as a draft the clerk lands on. A refusal (QUOTE_OVERBILLED…) keeps the modal
 * open with the server's message.
 */
export function ConvertQuoteModal({ quote, mode, onClose }: { quote: QuoteDetail; mode: QuoteInvoiceMode; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const { convert, busy } = useQuoteActions(quote);
  const action = useAction();
  const [percent, setPercent] = useState('30');
  const [retention, setRetention] = useState('0');
  const [progress, setProgress] = useState<Record<string, string>>({});
  const lines = quote.lines.filter(isCounted);

  const input = (): ConvertQuoteInput => {
    switch (mode) {
      case 'FULL':
        return { mode };
      case 'DEPOSIT':
        return { mode, percent: apiDecimal(percent) };
      case 'PROGRESS':
        return {
          mode,
          retentionPercent: apiDecimal(retention) || '0',
          lines: Object.entries(progress)
            .filter(([, value]) => value.trim() !== '')
            .map(([quoteLineId, value]) => ({ quoteLineId, cumulativePercent: apiDecimal(value) })),
        };
      case 'FINAL':
        return { mode, retentionPercent: apiDecimal(retention) || '0' };
    }
  };
  const submit = async () => {
    const invoiceId = await action.run(() => convert(input()));
    if (invoiceId) void navigate(billingPaths.invoice(invoiceId));
  };
  const retentionInput = (label: string) => (
    <TextInput w={260} label={label} rightSection="%" value={retention} onChange={(event) => setRetention(event.currentTarget.value)} />
  );

  return (
    <Modal opened onClose={onClose} title={t(titleOf[mode])} size={mode === 'PROGRESS' ? 'xl' : 'md'}>
      <Stack>
        {mode === 'FULL' && <Text size="sm">{t('quotes.billing.fullConfirm.text')}</Text>}
        {mode === 'DEPOSIT' && (
          <>
            <Text size="sm">{t('quotes.billing.depositForm.text')}</Text>
            <TextInput
              w={200}
              label={t('quotes.billing.depositForm.percent')}
              rightSection="%"
              value={percent}
              onChange={(event) => setPercent(event.currentTarget.value)}
              data-autofocus
            />
          </>
        )}
        {mode === 'PROGRESS' && (
          <>
            <Text size="sm">{t('quotes.billing.progressForm.text')}</Text>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {lines.map((line, index) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Text size="sm">{line.description}</Text>
                      {line.section && (
                        <Text size="xs" c="dimmed">
                          {line.section}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{format.money(line.lineNet, quote.currency)}</Table.Td>
                    <Table.Td w={120}>
                      <TextInput
                        size="xs"
                        aria-label={t('quotes.billing.progressForm.cumulative', { line: index + 1 })}
                        rightSection="%"
                        styles={{ input: { textAlign: 'right' } }}
                        value={progress[line.id] ?? ''}
                        onChange={(event) => setProgress({ ...progress, [line.id]: event.currentTarget.value })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {retentionInput(t('quotes.billing.progressForm.retention'))}
          </>
        )}
        {mode === 'FINAL' && (
          <>
            <Text size="sm">{t('quotes.billing.finalForm.text')}</Text>
            {retentionInput(t('quotes.billing.finalForm.retention'))}
          </>
        )}
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            {t(
              {
                FULL: 'quotes.billing.fullConfirm.confirm',
                DEPOSIT: 'quotes.billing.depositForm.confirm',
                PROGRESS: 'quotes.billing.progressForm.confirm',
                FINAL: 'quotes.billing.finalForm.confirm',
              }[mode],
            )}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
