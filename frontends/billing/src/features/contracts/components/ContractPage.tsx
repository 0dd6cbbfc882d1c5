import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { ContractRateCard, ErrorNotice, LoadingState, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useContract, type ContractDetail } from '../hooks/use-contract';
import { BillingTermsCard } from './BillingTermsCard';
import { RenewalCard } from './RenewalCard';
import { RenewalStateBadge } from './RenewalStateBadge';
import { ScheduleCard } from './ScheduleCard';
import { TerminateContractModal } from './TerminateContractModal';

/** The contract file of the planning app, where the contract's terms of service are kept. */
const planningContractPath = (id: string) => `/planning/contrats/${encodeURIComponent(id)}`;

const statusColor: Record<string, string> = { DRAFT: 'gray', ACTIVE: 'green', EXPIRED: 'gray', TERMINATED: 'red' };

/** A contract's billing: the terms and their versions, the schedule of its periods, its renewal, its termination, and its rate card (read-only). */
export function ContractPage() {
  const { t } = useTranslation(billingNamespace);
  const { contractId = '' } = useParams();
  const { contract, loading, error, reload } = useContract(contractId);

  return (
    <Stack>
      <Anchor component={Link} to={billingPaths.contracts} size="sm">
        ← {t('contracts.contract.back')}
      </Anchor>
      {error && <ErrorNotice onRetry={() => void reload()} />}
      {loading && <LoadingState />}
      {!loading && !error && !contract && <PageHeader title={t('contracts.contract.notFound')} />}
      {contract && <ContractBilling contract={contract} />}
    </Stack>
  );
}

function ContractBilling({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [terminating, setTerminating] = useState(false);
  const terminated = contract.renewal.state === 'TERMINATED';
  return (
    <>
      <PageHeader
        title={t('contracts.contract.title', { reference: contract.reference, title: contract.title })}
        subtitle={
          <>
            <Anchor component={Link} to={billingPaths.customer(contract.customer.id)} inherit>
              {contract.customer.name}
            </Anchor>
            {' · '}
            {t('contracts.contract.period', { from: format.date(contract.startsOn), to: format.date(contract.endsOn) })}
            {' · '}
            <Anchor href={planningContractPath(contract.id)} inherit>
              {t('contracts.contract.planningLink')}
            </Anchor>
          </>
        }
      >
        <Group>
          <Badge variant="outline" color={statusColor[contract.status] ?? 'gray'} size="lg" data-testid="contract-status">
            {t(`contracts.status.${contract.status}`, { defaultValue: contract.status })}
          </Badge>
          {/* Once terminated, the contract's own status says it all. */}
          {contract.renewal.state !== 'TERMINATED' || contract.status !== 'TERMINATED' ? (
            <RenewalStateBadge state={contract.renewal.state} size="lg" />
          ) : null}
          {terminated && contract.renewal.termEnd && (
            <Text size="sm" c="dimmed" data-testid="last-day">
              {t('contracts.contract.lastDay', { date: format.date(contract.renewal.termEnd) })}
            </Text>
          )}
          {!terminated && (
            <Button color="red" variant="outline" onClick={() => setTerminating(true)}>
              {t('contracts.contract.terminate')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <BillingTermsCard contract={contract} />
      <Grid align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ScheduleCard contract={contract} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RenewalCard contract={contract} />
        </Grid.Col>
      </Grid>
      {/* The prices of the work done under the contract: kept (and edited) in the planning app, read here. */}
      <SectionCard title={t('contracts.contract.rateCard')}>
        <ContractRateCard rateCard={contract.rateCard} />
      </SectionCard>
      {terminating && <TerminateContractModal contract={contract} onClose={() => setTerminating(false)} />}
    </>
  );
}
