import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { usePortalQuery } from '../api/client';
import { PortalSitesDocument, type PortalSitesQuery } from '../gql/graphql';
import { useLinkProps } from '../routing/router';
import { equipmentCategoryLabel } from '../shared/statuses';
import { PageTitle, QueryView, usePortalTranslation } from '../shared/ui';

type EquipmentSummary = PortalSitesQuery['portalSites'][number]['equipment'][number];

/** The one line that tells a piece of equipment apart: its kind, then brand and model when known. */
function EquipmentLink({ equipment }: { equipment: EquipmentSummary }) {
  const { t } = usePortalTranslation();
  const details = [t(equipmentCategoryLabel(equipment.category)), [equipment.brand, equipment.model].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack gap={0}>
      <Anchor {...useLinkProps({ name: 'equipment', id: equipment.id })} fw={600}>
        {equipment.name}
      </Anchor>
      <Text size="sm" c="dimmed">
        {details}
      </Text>
    </Stack>
  );
}

/** Équipements: each site with the equipment on it. */
export default function SitesPage() {
  const { t } = usePortalTranslation();
  const sites = usePortalQuery(PortalSitesDocument, {});
  return (
    <>
      <PageTitle title={t('sites.title')} subtitle={t('sites.subtitle')} />
      <QueryView query={sites}>
        {({ portalSites }) =>
          portalSites.length === 0 ? (
            <Text c="dimmed">{t('sites.empty')}</Text>
          ) : (
            <Stack gap="md">
              {portalSites.map((site) => (
                <Paper key={site.id} withBorder p="md" radius="md" component="section" aria-label={site.name}>
                  <Title order={2} size="h4">
                    {site.name}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {[site.addressLine1, [site.postalCode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
                    {' — '}
                    {t('sites.count', { count: site.equipment.length })}
                  </Text>
                  {site.equipment.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('sites.noEquipment')}
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      {site.equipment.map((equipment) => (
                        <EquipmentLink key={equipment.id} equipment={equipment} />
                      ))}
                    </Stack>
                  )}
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}
