import { useCan } from '@relais/session';
import { Button, Card, Group, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { BillingBatchPanel } from '../../bulk-invoicing/components/BillingBatchPanel';
import { IssueAndSendModal } from '../../bulk-invoicing/components/IssueAndSendModal';
import { useInvoiceList, type DocumentFilters, type InvoiceListItem } from '../hooks/use-invoice-list';
import { DocumentFiltersBar } from './DocumentFiltersBar';
import { DocumentTable } from './DocumentTable';

/** Drafts, and issued invoices never sent, can be ticked and issued and sent in one batch (followed here, `?lot=`). */
const selectable = (document: InvoiceListItem) => document.status === 'DRAFT' || !document.sentAt;

export function InvoiceListPage() {
  const { t } = useTranslation(billingNamespace);
  const canWrite = useCan('billing:write');
  const format = useFormatters();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const batchId = params.get('lot');
  const [filters, setFilters] = useState<DocumentFilters>({ status: null, customerId: null, searchText: '' });
  const { documents, totalCount, loading, error, retry, loadMore } = useInvoiceList(filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        subtitle={
          totalCount === undefined ? undefined : t('invoices.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        {canWrite && (
          <Button component={Link} to={billingPaths.newInvoice}>
            {t('invoices.new')}
          </Button>
        )}
      </PageHeader>
      {batchId && <BillingBatchPanel batchId={batchId} onClose={() => void navigate(billingPaths.invoices)} />}
      <DocumentFiltersBar filters={filters} onChange={setFilters} />
      {error && <ErrorNotice onRetry={retry} />}
      {canWrite && documents.some(selectable) && (
        <Card withBorder padding="sm" radius="md" mb="sm" data-testid="invoice-selection-bar">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('bulkInvoicing.drafts.selected', { count: selected.size })}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={() => setSelected(new Set(documents.filter(selectable).map((d) => d.id)))}>
                {t('bulkInvoicing.drafts.selectAll')}
              </Button>
              {selected.size > 0 && (
                <Button variant="subtle" onClick={() => setSelected(new Set())}>
                  {t('bulkInvoicing.drafts.clear')}
                </Button>
              )}
              <Button disabled={selected.size === 0} onClick={() => setConfirming(true)}>
                {t('bulkInvoicing.drafts.action')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      {loading ? (
        <LoadingState />
      ) : (
        <DocumentTable
          documents={documents}
          emptyLabel={t('invoices.empty')}
          loadMore={loadMore}
          selection={canWrite ? { selectable, selected, onToggle: toggle } : undefined}
        />
      )}
      {confirming && (
        <IssueAndSendModal
          invoiceIds={[...selected]}
          onClose={() => setConfirming(false)}
          onStarted={(id) => {
            setConfirming(false);
            setSelected(new Set());
            void navigate(billingPaths.invoicesBatch(id));
          }}
        />
      )}
    </>
  );
}
