import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { AddressLines, ErrorNotice, FieldList, FigureCard, LoadingState, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useCustomer, useCustomerBalance, type CustomerDetail } from '../hooks/use-customer';
import { useCustomerPermissions } from '../hooks/use-customer-permissions';
import { CustomerContractsSection, CustomerDocumentsSection, CustomerInterventionsSection } from './CustomerActivitySections';
import { CustomerContactsSection } from './CustomerContactsSection';
import { CustomerEditModal } from './CustomerEditModal';
import { CustomerHistorySection } from './CustomerHistorySection';
import { CustomerSitesSection } from './CustomerSitesSection';
import { PaymentTermsLabel } from './PaymentTermsLabel';

/** The customer's file: its record and contacts, sites and equipment, contracts, interventions, documents, balance and history. */
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
      {!loading && !error && !customer && <PageHeader title={t('customer.notFound')} />}
      {customer && <CustomerFile customer={customer} onReload={retry} />}
    </Stack>
  );
}

function CustomerFile({ customer, onReload }: { customer: CustomerDetail; onReload: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const permissions = useCustomerPermissions();
  const createdCode = (useLocation().state as { createdCode?: string } | null)?.createdCode;
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('record');

  return (
    <>
      <PageHeader title={customer.name} subtitle={t('customer.since', { date: format.longDate(customer.createdAt) })}>
        <Group gap="sm">
          <Badge size="lg" variant="light" color={customer.isConsumer ? 'orange' : 'blue'} data-testid="customer-kind">
            {t(customer.isConsumer ? 'customerFile.kind.consumer' : 'customerFile.kind.professional')}
          </Badge>
          <Badge size="lg" variant="outline">
            {customer.code}
          </Badge>
          {permissions.canEditCustomer && <Button onClick={() => setEditing(true)}>{t('customerFile.edit.action')}</Button>}
        </Group>
      </PageHeader>
      {createdCode && (
        <Alert color="green" data-testid="customer-created">
          {t('customerFile.created', { code: createdCode })}
        </Alert>
      )}
      <BalanceFigures customerId={customer.id} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('customerFile.tabs.label')} mb="md">
          <Tabs.Tab value="record">{t('customerFile.tabs.record')}</Tabs.Tab>
          <Tabs.Tab value="sites">{t('customerFile.tabs.sites', { count: customer.sites.length })}</Tabs.Tab>
          <Tabs.Tab value="contracts">{t('customerFile.tabs.contracts')}</Tabs.Tab>
          <Tabs.Tab value="interventions">{t('customerFile.tabs.interventions')}</Tabs.Tab>
          {permissions.canReadBilling && <Tabs.Tab value="documents">{t('customerFile.tabs.documents')}</Tabs.Tab>}
          <Tabs.Tab value="history">{t('customerFile.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="record">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <IdentityCard customer={customer} />
              <BillingCard customer={customer} />
            </SimpleGrid>
            <CustomerContactsSection
              customerId={customer.id}
              contacts={customer.contacts}
              canEdit={permissions.canEditCustomer}
              onReload={onReload}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <CustomerSitesSection customer={customer} canEdit={permissions.canEditSites} onReload={onReload} />
        </Tabs.Panel>
        <Tabs.Panel value="contracts">
          <CustomerContractsSection customerId={customer.id} canCreate={permissions.canEditSites} />
        </Tabs.Panel>
        <Tabs.Panel value="interventions">
          <CustomerInterventionsSection customerId={customer.id} />
        </Tabs.Panel>
        {permissions.canReadBilling && (
          <Tabs.Panel value="documents">
            <CustomerDocumentsSection customerId={customer.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <CustomerHistorySection customerId={customer.id} />
        </Tabs.Panel>
      </Tabs>
      {editing && <CustomerEditModal customer={customer} onClose={() => setEditing(false)} onReload={onReload} />}
    </>
  );
}

/** What the customer owes, for the roles that read finance. */
function BalanceFigures({ customerId }: { customerId: string }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const balance = useCustomerBalance(customerId);
  if (!balance) return null;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="customer-balance">
      <FigureCard label={t('customerFile.balance.balance')} value={format.money(balance.balance)} strong testId="balance-due" />
      <FigureCard label={t('customerFile.balance.overdue')} value={format.money(balance.overdue)} />
      <FigureCard label={t('customerFile.balance.invoicesOpen')} value={format.money(balance.invoicesOpen)} />
      <FigureCard label={t('customerFile.balance.unallocatedPayments')} value={format.money(balance.unallocatedPayments)} />
    </SimpleGrid>
  );
}

function IdentityCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.identity')}>
      <FieldList
        fields={[
          ...(customer.isConsumer
            ? []
            : [
                { label: t('customer.siren'), value: customer.siren },
                { label: t('customer.siret'), value: customer.siret },
                { label: t('customer.vatNumber'), value: customer.vatNumber },
              ]),
          { label: t('customer.accountingAuxiliaryCode'), value: customer.accountingAuxiliaryCode },
          { label: t('customer.email'), value: customer.email },
          { label: t('customer.phone'), value: customer.phone },
        ]}
      />
    </SectionCard>
  );
}

function BillingCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.billing')}>
      <FieldList
        fields={[
          { label: t('customer.billingAddress'), value: <AddressLines address={customer.billingAddress} /> },
          {
            label: t('customer.paymentTerms'),
            value: <PaymentTermsLabel days={customer.paymentTermsDays} kind={customer.paymentTermsKind} />,
          },
          { label: t('customer.notes'), value: customer.notes },
        ]}
      />
    </SectionCard>
  );
}
