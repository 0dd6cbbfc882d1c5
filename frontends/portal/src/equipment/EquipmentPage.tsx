import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { usePortalQuery } from '../api/client';
import { PortalEquipmentDocument, type PortalEquipmentQuery } from '../gql/graphql';
import { useLinkProps } from '../routing/router';
import { BackLink, PageTitle, QueryView, StatusBadge, usePortalTranslation } from '../shared/ui';
import { equipmentCategoryLabel, visitKindLabel, visitStatusBadge } from '../shared/statuses';

type Visit = NonNullable<PortalEquipmentQuery['portalEquipment']>['visits'][number];

function VisitCard({ visit }: { visit: Visit }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={visit.reference}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>
            {format.date(visit.date)} · {t(visitKindLabel(visit.kind))}
          </Text>
          <Text size="sm" c="dimmed">
            {visit.reference}
          </Text>
        </Stack>
        <StatusBadge status={visitStatusBadge(visit.status)} />
      </Group>
      {visit.workDone && (
        <Stack gap={0} mt="sm">
          <Text size="sm" fw={500}>
            {t('equipment.workDone')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {visit.workDone}
          </Text>
        </Stack>
      )}
      {visit.technicians.length > 0 && (
        <Text size="sm" mt="xs">
          {t('equipment.technicians', { names: visit.technicians.join(', ') })}
        </Text>
      )}
      {(visit.signedBy || visit.reportPdfUrl) && (
        <Group justify="space-between" mt="xs" gap="xs">
          {visit.signedBy && (
            <Text size="sm" c="dimmed">
              {t('equipment.signedBy', { name: visit.signedBy })}
            </Text>
          )}
          {visit.reportPdfUrl && (
            <Anchor href={visit.reportPdfUrl} target="_blank" rel="noopener" size="sm" fw={500}>
              {t('equipment.report')}
            </Anchor>
          )}
        </Group>
      )}
    </Paper>
  );
}

function BreakdownButton({ equipmentId }: { equipmentId: string }) {
  const { t } = usePortalTranslation();
  return (
    <Button component="a" {...useLinkProps({ name: 'newRequest', equipmentId })} variant="light" mb="lg">
      {t('equipment.reportBreakdown')}
    </Button>
  );
}

/** One piece of equipment: what it is, where, and every visit with its signed report. */
export default function EquipmentPage({ id }: { id: string }) {
  const { t } = usePortalTranslation();
  const equipment = usePortalQuery(PortalEquipmentDocument, { id });
  return (
    <>
      <BackLink to={{ name: 'sites' }}>{t('equipment.back')}</BackLink>
      <QueryView query={equipment}>
        {({ portalEquipment: item }) =>
          !item ? (
            <Alert color="orange">{t('equipment.notFound')}</Alert>
          ) : (
            <>
              <PageTitle title={item.name} subtitle={item.siteName} />
              <Paper withBorder p="md" radius="md" mb="md">
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                  {(
                    [
                      ['category', t(equipmentCategoryLabel(item.category))],
                      ['brand', item.brand],
                      ['model', item.model],
                      ['serialNumber', item.serialNumber],
                    ] as const
                  ).map(([field, value]) => (
                    <Stack gap={0} key={field}>
                      <Text size="xs" c="dimmed">
                        {t(`equipment.${field}`)}
                      </Text>
                      <Text size="sm">{value || '—'}</Text>
                    </Stack>
                  ))}
                </SimpleGrid>
              </Paper>
              <BreakdownButton equipmentId={item.id} />
              <Title order={2} size="h4" mb="sm">
                {t('equipment.visits')} <Badge variant="outline">{item.visits.length}</Badge>
              </Title>
              {item.visits.length === 0 ? (
                <Text c="dimmed">{t('equipment.noVisits')}</Text>
              ) : (
                <Stack gap="sm">
                  {item.visits.map((visit) => (
                    <VisitCard key={visit.id} visit={visit} />
                  ))}
                </Stack>
              )}
            </>
          )
        }
      </QueryView>
    </>
  );
}
