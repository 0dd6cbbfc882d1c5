import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths, documentPath, planningLinks } from '../../../routes';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { QuoteStatusBadge } from '../../quotes/components/QuoteStatusBadge';
import { useCustomerActivity, useCustomerDocuments, type CustomerActivity, type CustomerDocuments } from '../hooks/use-customer';
import { FileSection } from './FileSection';

type ContractRow = CustomerActivity['contracts']['edges'][number]['node'];
type InterventionRow = CustomerActivity['interventions']['edges'][number]['node'];
type QuoteRow = CustomerDocuments['quotes']['edges'][number]['node'];
type InvoiceRow = CustomerDocuments['invoices']['edges'][number]['node'];

/** The customer's maintenance contracts, with the way to a new one (the planning app's contract form). */
export function CustomerContractsSection({ customerId, canCreate }: { customerId: string; canCreate: boolean }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { activity, loading, error, retry } = useCustomerActivity(customerId);
  return (
    <FileSection
      title={t('customerFile.tabs.contracts')}
      action={
        canCreate && (
          <Button size="xs" variant="light" component="a" href={planningLinks.newContract(customerId)}>
            {t('customerFile.contracts.new')}
          </Button>
        )
      }
    >
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable<ContractRow>
          rows={activity?.contracts.edges.map((edge) => edge.node) ?? []}
          rowKey={(contract) => contract.id}
          emptyLabel={t('customerFile.contracts.empty')}
          columns={[
            {
              key: 'reference',
              header: t('customerFile.contracts.reference'),
              render: (contract) => (
                <Anchor component={Link} to={billingPaths.contract(contract.id)}>
                  {contract.reference}
                </Anchor>
              ),
            },
            { key: 'title', header: t('customerFile.contracts.title'), render: (contract) => contract.title },
            {
              key: 'period',
              header: t('customerFile.contracts.period'),
              render: (contract) =>
                t('customerFile.contracts.periodValue', { from: format.date(contract.startsOn), to: format.date(contract.endsOn) }),
            },
            {
              key: 'status',
              header: t('customerFile.contracts.status'),
              render: (contract) => (
                <Badge variant="light" style={{ minWidth: 'max-content' }}>
                  {t(`contracts.status.${contract.status}`, { defaultValue: contract.status })}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </FileSection>
  );
}

/** The customer's latest interventions, each a link to its page in the planning app. */
export function CustomerInterventionsSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { activity, loading, error, retry } = useCustomerActivity(customerId);
  const connection = activity?.interventions;
  return (
    <FileSection title={t('customerFile.tabs.interventions')}>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <Stack gap="xs">
          {connection && connection.totalCount > connection.edges.length && (
            <Text size="sm" c="dimmed">
              {t('customerFile.interventions.latest', { shown: connection.edges.length, count: connection.totalCount })}
            </Text>
          )}
          <DataTable<InterventionRow>
            rows={connection?.edges.map((edge) => edge.node) ?? []}
            rowKey={(intervention) => intervention.id}
            emptyLabel={t('customerFile.interventions.empty')}
            columns={[
              {
                key: 'number',
                header: t('customerFile.interventions.number'),
                render: (intervention) => <Anchor href={planningLinks.intervention(intervention.id)}>{intervention.number}</Anchor>,
              },
              { key: 'title', header: t('customerFile.interventions.title'), render: (intervention) => intervention.title },
              { key: 'site', header: t('customerFile.interventions.site'), render: (intervention) => intervention.site.name },
              {
                key: 'date',
                header: t('customerFile.interventions.date'),
                render: (intervention) => format.date(intervention.scheduledStart ?? intervention.requestedAt),
              },
              {
                key: 'status',
                header: t('customerFile.interventions.status'),
                render: (intervention) => (
                  <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>
                    {t(`customerFile.interventionStatus.${intervention.status}`)}
                  </Badge>
                ),
              },
            ]}
          />
        </Stack>
      )}
    </FileSection>
  );
}

/** The customer's latest quotes and invoices (credit notes included), with what is still due on each. */
export function CustomerDocumentsSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { documents, loading, error, retry } = useCustomerDocuments(customerId);
  if (error) return <ErrorNotice onRetry={retry} />;
  if (loading || !documents) return <LoadingState />;
  const latest = (connection: { totalCount: number; edges: readonly unknown[] }) =>
    connection.totalCount > connection.edges.length && (
      <Text size="sm" c="dimmed">
        {t('customerFile.documents.latest', { shown: connection.edges.length, count: connection.totalCount })}
      </Text>
    );
  return (
    <Stack gap="md">
      <FileSection title={t('customerFile.documents.invoices')}>
        {latest(documents.invoices)}
        <DataTable<InvoiceRow>
          rows={documents.invoices.edges.map((edge) => edge.node)}
          rowKey={(invoice) => invoice.id}
          emptyLabel={t('customerFile.documents.noInvoices')}
          columns={[
            {
              key: 'number',
              header: t('customerFile.documents.number'),
              render: (invoice) => (
                <Anchor component={Link} to={documentPath(invoice)}>
                  {invoice.number ?? t('customerFile.documents.draft')}
                </Anchor>
              ),
            },
            {
              key: 'date',
              header: t('customerFile.documents.date'),
              render: (invoice) => (invoice.issueDate ? format.date(invoice.issueDate) : null),
            },
            {
              key: 'status',
              header: t('customerFile.documents.status'),
              render: (invoice) => <InvoiceStatusBadge status={invoice.status} />,
            },
            {
              key: 'total',
              header: t('customerFile.documents.total'),
              align: 'right',
              render: (invoice) => format.money(invoice.totalGross, invoice.currency),
            },
            {
              key: 'open',
              header: t('customerFile.documents.open'),
              align: 'right',
              render: (invoice) => format.money(invoice.openBalance, invoice.currency),
            },
          ]}
        />
      </FileSection>
      <FileSection title={t('customerFile.documents.quotes')}>
        {latest(documents.quotes)}
        <DataTable<QuoteRow>
          rows={documents.quotes.edges.map((edge) => edge.node)}
          rowKey={(quote) => quote.id}
          emptyLabel={t('customerFile.documents.noQuotes')}
          columns={[
            {
              key: 'number',
              header: t('customerFile.documents.number'),
              render: (quote) => (
                <Anchor component={Link} to={billingPaths.quote(quote.id)}>
                  {quote.number ?? t('customerFile.documents.draft')}
                </Anchor>
              ),
            },
            { key: 'title', header: t('customerFile.documents.title'), render: (quote) => quote.title },
            { key: 'date', header: t('customerFile.documents.date'), render: (quote) => format.date(quote.createdAt) },
            { key: 'status', header: t('customerFile.documents.status'), render: (quote) => <QuoteStatusBadge status={quote.status} /> },
            {
              key: 'total',
              header: t('customerFile.documents.total'),
              align: 'right',
              render: (quote) => format.money(quote.totalGross, quote.currency),
            },
          ]}
        />
      </FileSection>
    </Stack>
  );
}
