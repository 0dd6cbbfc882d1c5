import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { ErrorNotice, FieldList, LoadingState, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ActionError } from '../../../shared/ActionError';
import { useDecimalFormat } from '../../../shared/use-decimal-format';
import { useInvoice, useIssueInvoice, type InvoiceDetail } from '../hooks/use-invoice';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

export function InvoicePage() {
  const { t } = useTranslation(billingNamespace);
  const { invoiceId = '' } = useParams();
  const { invoice, loading, error, retry } = useInvoice(invoiceId);

  return (
    <Stack>
      <Anchor component={Link} to={billingPaths.invoices} size="sm">
        ← {t('invoice.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={retry} />}
      {loading && <LoadingState />}
      {!loading && !error && !invoice && <PageHeader title={t('invoice.notFound')} />}
      {invoice && <InvoiceFile invoice={invoice} />}
    </Stack>
  );
}

function InvoiceFile({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const decimal = useDecimalFormat();
  const { issue, busy } = useIssueInvoice();
  const [actionError, setActionError] = useState<unknown>(null);
  const money = (amount: string) => format.money(amount, invoice.currency);
  const date = (value: string | null | undefined) => (value ? format.date(value) : null);

  const onIssue = async () => {
    setActionError(null);
    try {
      await issue(invoice);
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <>
      <PageHeader
        title={invoice.number ? t('invoice.title', { number: invoice.number }) : t('invoice.draftTitle')}
        subtitle={invoice.customer.name}
      >
        <Group>
          <InvoiceStatusBadge status={invoice.status} size="lg" />
          {invoice.status === 'DRAFT' && (
            <Button onClick={() => void onIssue()} loading={busy}>
              {t('invoice.issue')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <ActionError error={actionError} />
      <SectionCard title={t('invoice.summary')}>
        <FieldList
          fields={[
            { label: t('invoice.number'), value: <span data-testid="invoice-number">{invoice.number ?? t('invoice.draft')}</span> },
            {
              label: t('invoice.customer'),
              value: (
                <Anchor component={Link} to={billingPaths.customer(invoice.customer.id)}>
                  {invoice.customer.name}
                </Anchor>
              ),
            },
            { label: t('invoice.issueDate'), value: date(invoice.issueDate) },
            { label: t('invoice.dueDate'), value: date(invoice.dueDate) },
            { label: t('invoice.interventions'), value: invoice.interventions.map((i) => i.number).join(', ') || null },
            { label: t('invoice.amountDue'), value: money(invoice.amountDue) },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('invoice.lines')}>
        <Table striped verticalSpacing="xs" data-testid="invoice-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.line.description')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.quantity')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.discount')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.vatRate')}</Table.Th>
              <Table.Th ta="right">{t('invoice.line.lineNet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line) => (
              <Table.Tr key={line.position} data-testid="invoice-line">
                <Table.Td>
                  <Text size="sm">{line.description}</Text>
                  {line.reason && (
                    <Text size="xs" c="dimmed">
                      {line.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {decimal(line.quantity)} {t(`unit.${line.unit}`, { defaultValue: line.unit })}
                </Table.Td>
                <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
                <Table.Td ta="right">{`${decimal(line.discountPercent)} %`}</Table.Td>
                <Table.Td ta="right">{`${decimal(line.vatRate)} %`}</Table.Td>
                <Table.Td ta="right">{money(line.lineNet)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SectionCard>
      <Group align="flex-start" grow>
        <SectionCard title={t('invoice.vatBreakdown')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoice.vat.category')}</Table.Th>
                <Table.Th ta="right">{t('invoice.vat.rate')}</Table.Th>
                <Table.Th ta="right">{t('invoice.vat.basis')}</Table.Th>
                <Table.Th ta="right">{t('invoice.vat.tax')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.vatBreakdown.map((row) => (
                <Table.Tr key={`${row.categoryCode}-${row.rate}`}>
                  <Table.Td>
                    {row.categoryCode}
                    {row.exemptionReason && (
                      <Text size="xs" c="dimmed">
                        {row.exemptionReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{`${decimal(row.rate)} %`}</Table.Td>
                  <Table.Td ta="right">{money(row.basis)}</Table.Td>
                  <Table.Td ta="right">{money(row.tax)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionCard>
        <SectionCard title={t('invoice.totals')}>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('invoice.totalNet')}</Table.Td>
                <Table.Td ta="right">{money(invoice.totalNet)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('invoice.totalVat')}</Table.Td>
                <Table.Td ta="right">{money(invoice.totalVat)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={700}>{t('invoice.totalGross')}</Table.Td>
                <Table.Td ta="right" fw={700} data-testid="invoice-total-gross">
                  {money(invoice.totalGross)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </SectionCard>
      </Group>
    </>
  );
}
