import { Button, Checkbox, Group, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ActionError } from '../../../shared/ActionError';
import { useDecimalFormat } from '../../../shared/use-decimal-format';
import { useBillable, useConvertToInvoice, type BillableIntervention } from '../hooks/use-billable';

/** "À facturer": closed interventions not yet invoiced, turned into one draft per customer. */
export function BillablePage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const decimal = useDecimalFormat();
  const navigate = useNavigate();
  const { interventions, loading, error, retry } = useBillable();
  const { convert, busy } = useConvertToInvoice();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);

  const selected = interventions.filter((intervention) => selectedIds.has(intervention.id));
  const customerIds = new Set(selected.map((intervention) => intervention.customer.id));
  const mixedCustomers = customerIds.size > 1;

  const toggle = (id: string) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const invoice = async () => {
    setActionError(null);
    try {
      const invoiceId = await convert(selected.map((intervention) => intervention.id));
      if (invoiceId) void navigate(billingPaths.invoice(invoiceId));
    } catch (caught) {
      setActionError(caught);
    }
  };

  const columns: DataTableColumn<BillableIntervention>[] = [
    {
      key: 'select',
      header: '',
      render: (intervention) => (
        <Checkbox
          aria-label={t('billable.select', { number: intervention.number })}
          checked={selectedIds.has(intervention.id)}
          onChange={() => toggle(intervention.id)}
        />
      ),
    },
    {
      key: 'number',
      header: t('billable.column.number'),
      render: (intervention) => (
        <>
          <Text size="sm" fw={500}>
            {intervention.number}
          </Text>
          <Text size="xs" c="dimmed">
            {intervention.title}
          </Text>
        </>
      ),
    },
    { key: 'customer', header: t('billable.column.customer'), render: (intervention) => intervention.customer.name },
    { key: 'site', header: t('billable.column.site'), render: (intervention) => intervention.site.name },
    {
      key: 'closedAt',
      header: t('billable.column.closedAt'),
      render: (intervention) => (intervention.closedAt ? format.date(intervention.closedAt) : '—'),
    },
    {
      key: 'hours',
      header: t('billable.column.hours'),
      align: 'right',
      render: (intervention) => decimal(intervention.report.totalHours),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('billable.title')}
        subtitle={
          loading ? undefined : t('billable.count', { count: interventions.length, formattedCount: format.count(interventions.length) })
        }
      >
        <Group gap="sm">
          {mixedCustomers && (
            <Text size="sm" c="orange" data-testid="billable-hint">
              {t('billable.mixedCustomers')}
            </Text>
          )}
          <Button onClick={() => void invoice()} disabled={selected.length === 0 || mixedCustomers} loading={busy}>
            {t('billable.invoice')}
          </Button>
        </Group>
      </PageHeader>
      <ActionError error={actionError} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable columns={columns} rows={interventions} rowKey={(intervention) => intervention.id} emptyLabel={t('billable.empty')} />
      )}
    </>
  );
}
