import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { usePortalQuery } from '../api/client';
import { PortalRequestsDocument } from '../gql/graphql';
import { useLinkProps } from '../routing/router';
import { requestStatusBadge } from '../shared/statuses';
import { PageTitle, QueryView, StatusBadge, usePortalTranslation } from '../shared/ui';

/** Demandes: every request of the customer with where it stands, newest first. */
export default function RequestsPage() {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const requests = usePortalQuery(PortalRequestsDocument, {});
  return (
    <>
      <PageTitle title={t('requests.title')} subtitle={t('requests.subtitle')}>
        <Button component="a" {...useLinkProps({ name: 'newRequest' })} style={{ alignSelf: 'flex-start' }}>
          {t('requests.new')}
        </Button>
      </PageTitle>
      <QueryView query={requests}>
        {({ portalRequests }) =>
          portalRequests.length === 0 ? (
            <Text c="dimmed">{t('requests.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {portalRequests.map((request) => (
                <Paper key={request.id} withBorder p="md" radius="md" component="article" aria-label={request.reference}>
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600}>{request.equipmentName ?? request.siteName}</Text>
                      <Text size="sm" c="dimmed">
                        {request.reference} · {request.equipmentName ? `${request.siteName} · ` : ''}
                        {t('requests.created', { date: format.date(request.createdAt) })}
                      </Text>
                    </Stack>
                    <StatusBadge status={requestStatusBadge(request.status)} />
                  </Group>
                  <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
                    {request.description}
                  </Text>
                  <Group gap="md" mt="xs">
                    {request.scheduledFor && request.status === 'SCHEDULED' && (
                      <Text size="sm" fw={500}>
                        {t('requests.scheduledFor', { date: format.dateTime(request.scheduledFor) })}
                      </Text>
                    )}
                    {request.photoCount > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('requests.photos', { count: request.photoCount })}
                      </Text>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}
