import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { RowLink } from '../../../shared/RowLink';
import { useSkillNames } from '../../../shared/skills';
import { useNotify } from '../../../shared/notifications';
import { useTechnicians } from '../hooks/use-technicians';
import { CostRateModal } from './CostRateModal';

/**
 * "Techniciens": the team with its skills, hours and loaded hourly cost; a row opens the technician's
 * record, ?technicien=<id> opens one's cost.
 */
export function TechniciansPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const notify = useNotify();
  const skillNames = useSkillNames();
  const { technicians, loading, error, retry } = useTechnicians();
  const [params, setParams] = useSearchParams();
  const editedId = params.get('technicien');
  const edited = technicians.find((technician) => technician.id === editedId) ?? null;
  const edit = (id: string | null) => setParams(id ? { technicien: id } : {}, { replace: true });
  return (
    <>
      <PageHeader title={t('technicians.title')} subtitle={t('technicians.subtitle')}>
        <Button component={Link} to={planningPaths.newTechnician}>
          {t('technicians.new')}
        </Button>
      </PageHeader>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : technicians.length === 0 ? (
        <Text c="dimmed">{t('technicians.empty')}</Text>
      ) : (
        <Table striped verticalSpacing="xs" data-testid="technicians-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('technicians.column.name')}</Table.Th>
              <Table.Th>{t('technicians.column.skills')}</Table.Th>
              <Table.Th>{t('technicians.column.hours')}</Table.Th>
              <Table.Th ta="right">{t('technicians.column.costRate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {technicians.map((technician) => (
              <Table.Tr key={technician.id}>
                <Table.Td>
                  <RowLink to={planningPaths.technician(technician.id)}>{technician.fullName}</RowLink>
                  {!technician.active && (
                    <Badge ml="xs" size="xs" color="gray" variant="light">
                      {t('technicians.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {skillNames(technician.skills).map((skill) => (
                      <Badge key={skill} size="xs" variant="outline" tt="none">
                        {skill}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {technician.workDayStart}–{technician.workDayEnd}
                </Table.Td>
                <Table.Td ta="right" data-testid="technician-cost-rate">
                  {technician.costRate ? (
                    t('technicians.perHour', { amount: format.money(technician.costRate) })
                  ) : (
                    <Text span c="orange.8" size="sm">
                      {t('technicians.notSet')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    style={{ position: 'relative', zIndex: 1 }}
                    onClick={() => edit(technician.id)}
                    aria-label={t('technicians.edit', { name: technician.fullName })}
                  >
                    {t('technicians.change')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {edited && (
        <CostRateModal
          technician={edited}
          onClose={() => edit(null)}
          onSaved={() => {
            notify({ tone: 'success', title: t('technicians.saved', { name: edited.fullName }) });
            edit(null);
          }}
        />
      )}
    </>
  );
}
