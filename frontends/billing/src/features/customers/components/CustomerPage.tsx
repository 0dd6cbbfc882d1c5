import { Anchor, Badge, SimpleGrid, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useCustomer, type CustomerDetail } from '../hooks/use-customer';
import { CustomerBillingCard } from './CustomerBillingCard';
import { CustomerContactsCard } from './CustomerContactsCard';
import { CustomerIdentityCard } from './CustomerIdentityCard';
import { CustomerSitesCard } from './CustomerSitesCard';

export function CustomerPage() {
  const { t } = useTranslation(billingNamespace);
  const { customerId = '' } = useParams();
  const { customer, loading, error, retry } = useCustomer(customerId);

  return (
    <Stack>
      <Anchor component={Link} to={billingPaths.customers} size="sm">
        ← {t('customer.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={retry} />}
      {loading && <LoadingState />}
      {!loading && !error && !customer && <CustomerNotFound />}
      {customer && <CustomerFile customer={customer} />}
    </Stack>
  );
}

function CustomerNotFound() {
  const { t } = useTranslation(billingNamespace);
  return <PageHeader title={t('customer.notFound')} />;
}

function CustomerFile({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <>
      <PageHeader title={customer.name} subtitle={t('customer.since', { date: format.longDate(customer.createdAt) })}>
        <Badge size="lg" variant="outline">
          {customer.code}
        </Badge>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CustomerIdentityCard customer={customer} />
        <CustomerBillingCard customer={customer} />
      </SimpleGrid>
      <CustomerContactsCard contacts={customer.contacts} />
      <CustomerSitesCard sites={customer.sites} />
    </>
  );
}
