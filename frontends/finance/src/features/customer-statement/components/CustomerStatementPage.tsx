import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader, todayInParis } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { periodProblem, statementRequest } from '../hooks/statement-period';
import { useCustomerStatement, useStatementPdf, type StatementSent } from '../hooks/use-customer-statement';
import { SendStatementModal } from './SendStatementModal';
import { StatementCustomerPicker } from './StatementCustomerPicker';
import { StatementMovementsTable } from './StatementMovementsTable';
import { StatementOpenItemsTable } from './StatementOpenItemsTable';
import { StatementSummary } from './StatementSummary';

/**
 * "Relevé de compte": a customer (chosen here, or the one a link opened it for) over a period, by
 * default the start of the year to today; its PDF to download, or to mail to the customer. The
 * customer and the period are in the address, so the page can be linked to and reloaded.
 */
export function CustomerStatementPage() {
  const { t } = useTranslation(financeNamespace);
  const [params, setParams] = useSearchParams();
  const { customerId, from, to } = statementRequest(params, todayInParis());
  const problem = periodProblem(from, to);
  const key = customerId && !problem ? { customerId, from, to } : null;
  const { statement, updating, loading, error, retry } = useCustomerStatement(key);
  const pdf = useStatementPdf();
  const pdfAction = useAction();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<StatementSent | null>(null);

  const change = (next: { customerId?: string | null; from?: string; to?: string }) => {
    const request = { customerId, from, to, ...next };
    const search = new URLSearchParams({ from: request.from, to: request.to });
    if (request.customerId) search.set('customer', request.customerId);
    setParams(search, { replace: true });
    setSent(null);
  };
  const dateError = (field: 'from' | 'to') => (problem?.field === field ? t(`statement.${problem.problem}`) : undefined);
  const current = statement && !updating ? statement : null;

  return (
    <>
      <PageHeader title={t('statement.title')} subtitle={t('statement.subtitle')} />
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Group align="flex-start" gap="sm">
            <StatementCustomerPicker
              label={t('statement.customer')}
              value={customerId}
              known={statement ? { value: statement.customer.id, label: `${statement.customerName} (${statement.customer.code})` } : null}
              onChange={(chosen) => change({ customerId: chosen })}
            />
            <TextInput
              type="date"
              label={t('statement.from')}
              required
              value={from}
              error={dateError('from')}
              onChange={(event) => change({ from: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('statement.to')}
              required
              value={to}
              error={dateError('to')}
              onChange={(event) => change({ to: event.currentTarget.value })}
            />
          </Group>
          <Group>
            <Button
              variant="default"
              disabled={!current}
              loading={pdf.busy}
              onClick={() =>
                current && void pdfAction.run(() => pdf.download({ customerId: current.customer.id, from: current.from, to: current.to }))
              }
            >
              {t('statement.downloadPdf')}
            </Button>
            <Button disabled={!current} onClick={() => setSending(true)}>
              {t('statement.send')}
            </Button>
          </Group>
        </Group>
        <ActionError error={pdfAction.error} />
        {sent && (
          <Alert color="green" title={t('statement.sent.title')} withCloseButton onClose={() => setSent(null)} data-testid="statement-sent">
            {t('statement.sent.body', { to: sent.to.join(', '), subject: sent.subject })}
          </Alert>
        )}
        {!customerId && <Text c="dimmed">{t('statement.chooseCustomer')}</Text>}
        {Boolean(error) && <ErrorNotice onRetry={retry} />}
        {loading && <LoadingState />}
        {statement && (
          <Stack style={{ opacity: updating ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={updating}>
            <StatementSummary statement={statement} />
            <StatementMovementsTable statement={statement} />
            <StatementOpenItemsTable statement={statement} />
          </Stack>
        )}
      </Stack>
      {sending && current && (
        <SendStatementModal
          statement={current}
          onClose={() => setSending(false)}
          onSent={(result) => {
            setSending(false);
            setSent(result);
          }}
        />
      )}
    </>
  );
}
