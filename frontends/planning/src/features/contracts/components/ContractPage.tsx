import { Button, Group, SimpleGrid, Stack, Table, Text, Timeline } from '@mantine/core';
import { ContractRateCard, ErrorNotice, FieldList, LoadingState, PageHeader, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { PriorityBadge } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useCanEditContracts, useContract } from '../hooks/use-contracts';
import { BillingTermsLink, ContractSavedNotice } from './ContractSavedNotice';
import { ContractStatusBadge } from './ContractStatusBadge';

export function ContractPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const { contractId = '' } = useParams();
  const { contract, loading, error, retry } = useContract(contractId);
  const canEdit = useCanEditContracts();
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!contract) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return (
    <>
      <ContractSavedNotice contractId={contract.id} />
      <PageHeader title={`${contract.reference} — ${contract.title}`} subtitle={`${contract.customer.name} (${contract.customer.code})`}>
        <Group>
          <ContractStatusBadge status={contract.status} />
          <BillingTermsLink contractId={contract.id} />
          {canEdit && (
            <Button component={Link} to={planningPaths.amendContract(contract.id)} variant="light">
              {t('contractForm.amend')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <SectionCard title={t('contracts.terms')}>
            <FieldList
              fields={[
                {
                  label: t('contracts.field.period'),
                  value: t('contracts.periodValue', { from: formats.date(contract.startsOn), to: formats.date(contract.endsOn) }),
                },
                {
                  label: t('contracts.field.tacitRenewal'),
                  value: contract.tacitRenewal
                    ? t('contracts.field.tacitRenewalValue', { months: contract.renewalTermMonths })
                    : t('common.no'),
                },
                { label: t('contracts.field.notice'), value: t('contracts.field.noticeValue', { days: contract.noticeDays }) },
                { label: t('contracts.field.version'), value: contract.version },
              ]}
            />
          </SectionCard>
          <SectionCard title={t('contracts.sla')}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {contract.sla.map((target) => (
                  <Table.Tr key={target.priority}>
                    <Table.Td>
                      <PriorityBadge priority={target.priority} />
                    </Table.Td>
                    <Table.Td ta="right">{t('contracts.slaValue', { hours: target.responseHours })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SectionCard>
          <SectionCard title={t('contracts.rateCard')}>
            <ContractRateCard rateCard={contract.rateCard} />
          </SectionCard>
        </Stack>
        <Stack gap="md">
          <SectionCard title={t('contracts.plans')}>
            {contract.plans.length === 0 ? (
              <Text c="dimmed">{t('contracts.plansEmpty')}</Text>
            ) : (
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contracts.plan.category')}</Table.Th>
                    <Table.Th ta="right">{t('contracts.plan.visits')}</Table.Th>
                    <Table.Th ta="right">{t('contracts.plan.duration')}</Table.Th>
                    <Table.Th>{t('contracts.plan.skills')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {contract.plans.map((plan) => (
                    <Table.Tr key={plan.id}>
                      <Table.Td>{t(`enum.equipmentCategory.${plan.equipmentCategory}`)}</Table.Td>
                      <Table.Td ta="right">{plan.visitsPerYear}</Table.Td>
                      <Table.Td ta="right">{t('common.minutes', { minutes: plan.estimatedDurationMinutes })}</Table.Td>
                      <Table.Td>{plan.requiredSkills.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </SectionCard>
          <SectionCard title={t('contracts.sites')}>
            <Stack gap={2}>
              {contract.sites.map((site) => (
                <Text key={site.id} size="sm">
                  {site.name} — {site.address.city}
                </Text>
              ))}
              <Text size="xs" c="dimmed" mt={4}>
                {t('contracts.equipmentCount', { count: contract.equipment.length })}
              </Text>
            </Stack>
          </SectionCard>
          <SectionCard title={t('contracts.amendments')}>
            {contract.amendments.length === 0 ? (
              <Text c="dimmed">{t('contracts.amendmentsEmpty')}</Text>
            ) : (
              <Timeline bulletSize={12} lineWidth={2}>
                {contract.amendments.map((amendment) => (
                  <Timeline.Item
                    key={amendment.version}
                    title={t('contracts.amendment', { version: amendment.version, date: formats.date(amendment.effectiveOn) })}
                  >
                    <Text size="sm">{amendment.reason}</Text>
                    <Text size="xs" c="dimmed">
                      {formats.dateTime(amendment.createdAt)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </SectionCard>
        </Stack>
      </SimpleGrid>
    </>
  );
}
