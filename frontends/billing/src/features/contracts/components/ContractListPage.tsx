import { Anchor, Group, Stack, Text, TextInput } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { periodFee } from '../hooks/use-contract';
import { useContractList, type ContractFilters, type ContractListItem } from '../hooks/use-contract-list';
import { RenewalStateBadge } from './RenewalStateBadge';

/** "Contrats": every contract with its fee in force, how it is paid and where it stands with its renewal. */
export function ContractListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ContractFilters>({ searchText: '', customerId: null });
  const { contracts, totalCount, loading, error, retry, loadMore } = useContractList(filters);

  const columns: DataTableColumn<ContractListItem>[] = [
    {
      key: 'reference',
      header: t('contracts.column.reference'),
      render: (contract) => (
        <Anchor component={Link} to={billingPaths.contract(contract.id)} fw={600} size="sm" onClick={(event) => event.stopPropagation()}>
          {contract.reference}
        </Anchor>
      ),
    },
    { key: 'customer', header: t('contracts.column.customer'), render: (contract) => contract.customer.name },
    { key: 'title', header: t('contracts.column.title'), render: (contract) => contract.title },
    {
      key: 'fee',
      header: t('contracts.column.fee'),
      align: 'right',
      render: (contract) => {
        const terms = contract.currentBillingTerms;
        if (!terms)
          return (
            <Text size="sm" c="dimmed">
              {t('contracts.noTerms')}
            </Text>
          );
        return t('contracts.feePerPeriod', {
          amount: format.money(periodFee(terms.feeLines)),
          period: t(`contracts.perPeriod.${terms.rhythm}`),
        });
      },
    },
    {
      key: 'paymentMethod',
      header: t('contracts.column.paymentMethod'),
      render: (contract) =>
        contract.currentBillingTerms ? t(`contracts.paymentMethod.${contract.currentBillingTerms.paymentMethod}`) : '—',
    },
    {
      key: 'renewal',
      header: t('contracts.column.renewal'),
      render: (contract) => (
        <Stack gap={2} align="flex-start">
          <RenewalStateBadge state={contract.renewal.state} />
          {contract.renewal.noticeDeadline && contract.renewal.state !== 'TERMINATED' && contract.renewal.state !== 'EXPIRED' && (
            <Text size="xs" c="dimmed">
              {t('contracts.noticeBefore', { date: format.date(contract.renewal.noticeDeadline) })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        subtitle={
          totalCount === undefined ? undefined : t('contracts.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <Group gap="sm">
          <TextInput
            type="search"
            w={240}
            aria-label={t('contracts.search')}
            placeholder={t('contracts.search')}
            value={filters.searchText}
            onChange={(event) => setFilters({ ...filters, searchText: event.currentTarget.value })}
          />
          <CustomerPicker
            width={280}
            label={t('contracts.customerFilter')}
            value={filters.customerId}
            onChange={(customerId) => setFilters({ ...filters, customerId })}
          />
        </Group>
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          columns={columns}
          rows={contracts}
          rowKey={(contract) => contract.id}
          emptyLabel={t('contracts.empty')}
          onRowClick={(contract) => void navigate(billingPaths.contract(contract.id))}
          loadMore={loadMore}
        />
      )}
    </>
  );
}
