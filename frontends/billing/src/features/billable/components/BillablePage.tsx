import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, sumAmounts, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { BatchPreviewModal } from '../../bulk-invoicing/components/BatchPreviewModal';
import { BillingBatchPanel } from '../../bulk-invoicing/components/BillingBatchPanel';
import { SelectionBar } from '../../bulk-invoicing/components/SelectionBar';
import { noSelection, selectedRows, selectionInput, type BillableSelection } from '../../bulk-invoicing/hooks/billable-selection';
import { useBillable } from '../hooks/use-billable';
import { BillableCustomerGroup } from './BillableCustomerGroup';
import { BillableQuotesSection } from './BillableQuotesSection';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "À facturer", the clerk's home: closed interventions waiting, by customer, with what they would
 * bill. Ticked across customers (or all those the filters show), they are invoiced, issued and sent
 * in one batch, followed here (`?lot=`).
 */
export function BillablePage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const batchId = params.get('lot');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [closedUntilTyped, setClosedUntil] = useState('');
  const closedUntil = LOCAL_DATE.test(closedUntilTyped) ? closedUntilTyped : null;
  const { interventions, customers, loading, error, retry } = useBillable({ closedUntil });
  const [selection, setSelection] = useState<BillableSelection>(noSelection);
  const [previewing, setPreviewing] = useState(false);
  const shown = customers.filter((group) => !customerId || group.customer.id === customerId);
  const shownRows = shown.flatMap((group) => group.interventions);
  const selected = selectedRows(selection, shownRows);
  const filters = { customerId, closedUntil };

  /** The filters change what "everything" means: the selection starts again. */
  const changeFilters = (apply: () => void) => {
    apply();
    setSelection(noSelection);
  };

  return (
    <>
      <PageHeader
        title={t('billable.title')}
        subtitle={
          loading
            ? undefined
            : t('billable.count', {
                count: interventions.length,
                net: format.money(sumAmounts(interventions.map((row) => row.estimatedNet))),
              })
        }
      >
        <Group align="flex-end">
          <TextInput
            type="date"
            w={180}
            label={t('bulkInvoicing.filters.closedUntil')}
            value={closedUntilTyped}
            onChange={(event) => {
              const value = event.currentTarget.value;
              changeFilters(() => setClosedUntil(value));
            }}
          />
          <Select
            w={320}
            label={t('billable.customerFilter')}
            placeholder={t('bulkInvoicing.filters.allCustomers')}
            searchable
            clearable
            value={customerId}
            onChange={(value) => changeFilters(() => setCustomerId(value))}
            data={customers.map((group) => ({ value: group.customer.id, label: group.customer.name }))}
          />
        </Group>
      </PageHeader>
      {batchId && <BillingBatchPanel batchId={batchId} onClose={() => void navigate(billingPaths.billable)} />}
      {error && <ErrorNotice onRetry={retry} />}
      <BillableQuotesSection />
      {loading ? (
        <LoadingState />
      ) : (
        <Stack>
          {shownRows.length > 0 && (
            <SelectionBar
              selection={selection}
              selected={selected}
              onSelectionChange={setSelection}
              onInvoice={() => setPreviewing(true)}
            />
          )}
          {shown.map((group) => (
            <BillableCustomerGroup key={group.customer.id} group={group} selection={selection} onSelectionChange={setSelection} />
          ))}
          {shown.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('billable.empty')}
            </Text>
          )}
        </Stack>
      )}
      {previewing && (
        <BatchPreviewModal
          selection={selectionInput(selection, filters)}
          onClose={() => setPreviewing(false)}
          onStarted={(id) => {
            setPreviewing(false);
            setSelection(noSelection);
            void navigate(billingPaths.billableBatch(id));
          }}
        />
      )}
    </>
  );
}
