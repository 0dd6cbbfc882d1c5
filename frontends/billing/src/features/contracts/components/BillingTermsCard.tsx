import { Badge, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { FieldList, SectionCard, todayInParis, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { periodFee, type ContractDetail, type TermsVersion } from '../hooks/use-contract';
import { BillingTermsForm } from './BillingTermsForm';

/** "Conditions de facturation": the version in force, its fee lines, every version, and the form for a new one. */
export function BillingTermsCard({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(billingNamespace);
  const versions = contract.billingTerms;
  const inForce = versions.find((version) => version.id === contract.currentBillingTerms?.id) ?? null;
  const [adding, setAdding] = useState(false);
  const terminated = contract.renewal.state === 'TERMINATED';
  const formOpen = !terminated && (adding || versions.length === 0);

  return (
    <SectionCard title={t('contracts.terms.title')}>
      <Stack gap="md" data-testid="billing-terms">
        {inForce ? <TermsInForce contract={contract} terms={inForce} /> : <Text c="dimmed">{t('contracts.terms.none')}</Text>}
        {versions.length > 0 && <VersionHistory versions={versions} inForceId={inForce?.id ?? null} />}
        {formOpen ? (
          <>
            <Divider />
            <Title order={5}>{versions.length === 0 ? t('contracts.form.firstTitle') : t('contracts.form.title')}</Title>
            <BillingTermsForm
              contract={contract}
              onDone={() => setAdding(false)}
              onCancel={versions.length > 0 ? () => setAdding(false) : undefined}
            />
          </>
        ) : (
          !terminated && (
            <Group>
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('contracts.terms.add')}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </SectionCard>
  );
}

function TermsInForce({ contract, terms }: { contract: ContractDetail; terms: TermsVersion }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const vatRates = useVatRates();
  const vatLabel = (code: string) => vatRates.options.find((option) => option.value === code)?.label ?? code;
  const future = terms.effectiveOn > todayInParis();
  const ix = terms.indexation;
  const bounds =
    ix?.coefficientFloor && ix.coefficientCap
      ? t('contracts.terms.bounds', { floor: format.decimal(ix.coefficientFloor), cap: format.decimal(ix.coefficientCap) })
      : ix?.coefficientFloor
        ? t('contracts.terms.floorOnly', { floor: format.decimal(ix.coefficientFloor) })
        : ix?.coefficientCap
          ? t('contracts.terms.capOnly', { cap: format.decimal(ix.coefficientCap) })
          : null;
  const siteName = (siteId: string | null | undefined) => contract.sites.find((site) => site.id === siteId)?.name;

  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {future
          ? t('contracts.terms.startsOn', { date: format.date(terms.effectiveOn) })
          : t('contracts.terms.inForce', { date: format.date(terms.effectiveOn) })}
      </Text>
      <FieldList
        fields={[
          { label: t('contracts.terms.rhythm'), value: t(`contracts.rhythm.${terms.rhythm}`) },
          {
            label: t('contracts.terms.timing'),
            value: `${t(`contracts.timing.${terms.timing}`)} (${t(`contracts.timingHint.${terms.timing}`)})`,
          },
          { label: t('contracts.terms.anchorDate'), value: format.date(terms.anchorDate) },
          { label: t('contracts.terms.paymentMethod'), value: t(`contracts.paymentMethod.${terms.paymentMethod}`) },
          {
            label: t('contracts.terms.paymentTerms'),
            value:
              terms.paymentTermsDays == null
                ? t('contracts.terms.customerTerms')
                : t('contracts.terms.paymentTermsDays', { count: terms.paymentTermsDays }),
          },
          {
            label: t('contracts.terms.indexation'),
            value: ix ? (
              <>
                {t('contracts.terms.indexationSummary', {
                  series: ix.series.name,
                  a: format.decimal(ix.fixedPart),
                  b: format.decimal(ix.variablePart),
                  i0: format.decimal(ix.baseIndexValue),
                  month: format.month(ix.baseIndexPeriod),
                  firstRevision: format.date(ix.firstRevisionOn),
                })}
                {bounds && (
                  <Text span size="sm" c="dimmed" display="block">
                    {bounds}
                  </Text>
                )}
              </>
            ) : (
              t('contracts.terms.notIndexed')
            ),
          },
        ]}
      />
      <Table verticalSpacing={4} fz="sm" data-testid="fee-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.terms.line.label')}</Table.Th>
            <Table.Th ta="right">{t('contracts.terms.line.amount')}</Table.Th>
            <Table.Th>{t('contracts.terms.line.vatRate')}</Table.Th>
            <Table.Th>{t('contracts.terms.line.indexed')}</Table.Th>
            <Table.Th>{t('contracts.terms.line.revenueAccount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.feeLines.map((line) => (
            <Table.Tr key={line.position}>
              <Table.Td>
                {line.label}
                {siteName(line.siteId) && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({siteName(line.siteId)})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{format.money(line.amount)}</Table.Td>
              <Table.Td>{vatLabel(line.vatRateCode)}</Table.Td>
              <Table.Td>{line.indexed ? t('contracts.renewal.yes') : t('contracts.renewal.no')}</Table.Td>
              <Table.Td>{line.revenueAccount ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('contracts.terms.totalPerPeriod', { period: t(`contracts.perPeriod.${terms.rhythm}`) })}</Table.Th>
            <Table.Th ta="right" data-testid="fee-total">
              {format.money(periodFee(terms.feeLines))}
            </Table.Th>
            <Table.Th colSpan={3} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  );
}

function VersionHistory({ versions, inForceId }: { versions: readonly TermsVersion[]; inForceId: string | null }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const today = todayInParis();
  return (
    <Stack gap={4}>
      <Title order={5}>{t('contracts.terms.history')}</Title>
      <Table verticalSpacing={4} fz="sm" data-testid="terms-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.terms.version.effectiveOn')}</Table.Th>
            <Table.Th>{t('contracts.terms.version.rhythm')}</Table.Th>
            <Table.Th ta="right">{t('contracts.terms.version.fee')}</Table.Th>
            <Table.Th>{t('contracts.terms.version.paymentMethod')}</Table.Th>
            <Table.Th>{t('contracts.terms.version.reason')}</Table.Th>
            <Table.Th>{t('contracts.terms.version.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.toReversed().map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>
                {format.date(version.effectiveOn)}{' '}
                {version.id === inForceId && (
                  <Badge size="xs" variant="light" color="green">
                    {t('contracts.terms.current')}
                  </Badge>
                )}
                {version.effectiveOn > today && (
                  <Badge size="xs" variant="light" color="blue">
                    {t('contracts.terms.future')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {t(`contracts.rhythm.${version.rhythm}`)}, {t(`contracts.timing.${version.timing}`).toLocaleLowerCase()}
                {version.indexation && `, ${t('contracts.terms.indexedOn', { series: version.indexation.series.name })}`}
              </Table.Td>
              <Table.Td ta="right">{format.money(periodFee(version.feeLines))}</Table.Td>
              <Table.Td>{t(`contracts.paymentMethod.${version.paymentMethod}`)}</Table.Td>
              <Table.Td>{version.reason ?? '—'}</Table.Td>
              <Table.Td>{format.dateTime(version.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
