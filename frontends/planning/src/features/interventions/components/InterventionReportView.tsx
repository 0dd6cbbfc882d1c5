import { Badge, Group, Image, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InterventionReportDetailFragment } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { useDateFormats } from '../../../shared/use-date-formats';

/** The technician's report as recorded, read-only (frozen once the office has closed it). */
export function InterventionReportView({ report }: { report: InterventionReportDetailFragment }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const empty =
    report.labour.length === 0 && report.parts.length === 0 && !report.observations && !report.signerName && !report.customerReservations;
  return (
    <Stack gap="md">
      <Group>
        <Badge color={report.frozen ? 'green' : 'gray'} variant="light">
          {report.frozen ? t('intervention.reportFrozen') : t('intervention.reportDraft')}
        </Badge>
      </Group>
      {empty && <Text c="dimmed">{t('intervention.reportEmpty')}</Text>}
      {report.labour.length > 0 && (
        <div>
          <Group justify="space-between">
            <Title order={5}>{t('intervention.labour')}</Title>
            <Text size="sm" fw={600}>
              {t('intervention.totalHours', { hours: formats.decimal(report.totalHours) })}
            </Text>
          </Group>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intervention.column.technician')}</Table.Th>
                <Table.Th>{t('intervention.column.date')}</Table.Th>
                <Table.Th>{t('intervention.column.labourType')}</Table.Th>
                <Table.Th ta="right">{t('intervention.column.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.labour.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.technician.fullName}</Table.Td>
                  <Table.Td>{formats.date(entry.workDate)}</Table.Td>
                  <Table.Td>{t(`enum.labourType.${entry.labourType}`)}</Table.Td>
                  <Table.Td ta="right">{formats.decimal(entry.hours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {(report.travelCount > 0 || report.travelZone) && (
        <div>
          <Title order={5}>{t('intervention.travel')}</Title>
          <Text size="sm">
            {t('intervention.travelValue', { count: report.travelCount })}
            {report.travelZone && ` · ${t('intervention.travelZone', { zone: report.travelZone })}`}
          </Text>
        </div>
      )}
      {report.parts.length > 0 && (
        <div>
          <Title order={5}>{t('intervention.parts')}</Title>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intervention.column.code')}</Table.Th>
                <Table.Th>{t('intervention.column.label')}</Table.Th>
                <Table.Th ta="right">{t('intervention.column.quantity')}</Table.Th>
                <Table.Th>{t('intervention.column.serial')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.parts.map((part) => (
                <Table.Tr key={part.id}>
                  <Table.Td>{part.item.code}</Table.Td>
                  <Table.Td>{part.item.label}</Table.Td>
                  <Table.Td ta="right">
                    {formats.decimal(part.quantity)} {part.item.unit}
                  </Table.Td>
                  <Table.Td>{part.serialNumber ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {report.observations && (
        <div>
          <Title order={5}>{t('intervention.observations')}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.observations}
          </Text>
        </div>
      )}
      {report.customerReservations && (
        <div>
          <Title order={5}>{t('intervention.customerReservations')}</Title>
          <Text size="sm" c="orange.8" style={{ whiteSpace: 'pre-wrap' }}>
            {report.customerReservations}
          </Text>
        </div>
      )}
      {report.photos.length > 0 && (
        <div>
          <Title order={5}>{t('intervention.photos')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {report.photos.map((photo) => (
              <Image key={photo.id} src={photo.url} alt={photo.caption ?? ''} radius="sm" h={120} fit="cover" />
            ))}
          </SimpleGrid>
        </div>
      )}
      {(report.signatureDataUrl || report.signerName) && (
        <div>
          <Title order={5}>{t('intervention.signature')}</Title>
          {report.signerName && report.signedAt && (
            <Text size="sm">{t('intervention.signedBy', { name: report.signerName, date: formats.dateTime(report.signedAt) })}</Text>
          )}
          {report.signatureDataUrl && (
            <Image
              src={report.signatureDataUrl}
              alt={t('intervention.signature')}
              w={240}
              h={100}
              fit="contain"
              style={{ border: '1px solid var(--mantine-color-gray-3)' }}
            />
          )}
        </div>
      )}
    </Stack>
  );
}
