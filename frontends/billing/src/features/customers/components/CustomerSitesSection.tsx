import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { AddressLines, DataTable, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { planningLinks } from '../../../routes';
import type { CustomerRecord, CustomerSite } from '../hooks/use-customer';
import { SiteModal } from './SiteModal';

type Equipment = CustomerSite['equipment'][number];

/** The customer's sites, each with its address, access notes, reduced-VAT status and equipment. */
export function CustomerSitesSection({
  customer,
  canEdit,
  onReload,
}: {
  customer: CustomerRecord;
  canEdit: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const [editing, setEditing] = useState<CustomerSite | 'new' | null>(null);
  return (
    <Stack gap="md">
      {canEdit && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('customerFile.sites.add')}</Button>
        </Group>
      )}
      {customer.sites.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('customerFile.sites.empty')}
        </Text>
      )}
      {customer.sites.map((site) => (
        <SiteCard key={site.id} site={site} canEdit={canEdit} onEdit={() => setEditing(site)} />
      ))}
      {editing && (
        <SiteModal customer={customer} site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onReload={onReload} />
      )}
    </Stack>
  );
}

function SiteCard({ site, canEdit, onEdit }: { site: CustomerSite; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Card withBorder padding="lg" radius="md" data-testid="site-card">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {site.name}
          </Title>
          <AddressLines address={site.address} />
          {site.accessNotes && (
            <Text size="sm" c="dimmed">
              {site.accessNotes}
            </Text>
          )}
          {site.reducedVat && site.reducedVatAttestedOn && (
            <Badge variant="light" color="teal" style={{ minWidth: 'max-content' }}>
              {t('customerFile.sites.reducedVat', { date: format.date(site.reducedVatAttestedOn) })}
            </Badge>
          )}
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit} aria-label={`${t('customerFile.sites.edit')} ${site.name}`}>
              {t('customerFile.sites.edit')}
            </Button>
            <Button size="xs" variant="light" component="a" href={planningLinks.newEquipment(site.id)}>
              {t('customerFile.sites.addEquipment')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" fw={600} mb={4}>
        {t('customerFile.sites.equipment')}
      </Text>
      <DataTable<Equipment>
        rows={site.equipment}
        rowKey={(equipment) => equipment.id}
        emptyLabel={t('customerFile.sites.noEquipment')}
        columns={[
          {
            key: 'name',
            header: t('customerFile.equipment.name'),
            render: (equipment) => <Anchor href={planningLinks.equipment(equipment.id)}>{equipment.name}</Anchor>,
          },
          {
            key: 'category',
            header: t('customerFile.equipment.category'),
            render: (equipment) => t(`customerFile.equipmentCategory.${equipment.category}`),
          },
          {
            key: 'brandModel',
            header: t('customerFile.equipment.brandModel'),
            render: (equipment) => [equipment.brand, equipment.model].filter(Boolean).join(' '),
          },
          { key: 'serialNumber', header: t('customerFile.equipment.serialNumber'), render: (equipment) => equipment.serialNumber },
          {
            key: 'status',
            header: t('customerFile.equipment.status'),
            render: (equipment) => t(`customerFile.equipmentStatus.${equipment.status}`),
          },
        ]}
      />
    </Card>
  );
}
