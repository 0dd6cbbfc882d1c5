import { Stack, Table, Text } from '@mantine/core';
import { FieldList } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useDateFormats } from '../../../shared/use-date-formats';
import { labourTypes } from '../hooks/contract-form';
import type { ContractDetail } from '../hooks/use-contracts';

/** How an inclusion reads: hours, hours and travel, or travel only. */
function inclusionKey(inclusion: ContractDetail['rateCard']['visitInclusions'][number]) {
  if (!inclusion.travelIncluded) return 'contracts.rate.perInterventionValue' as const;
  return Number(inclusion.includedHours) === 0
    ? ('contracts.rate.perInterventionTravelOnly' as const)
    : ('contracts.rate.perInterventionTravel' as const);
}

/** Labour rates (a missing one: the standard rate), travel, parts and inclusions, as the contract states them (amounts excl. VAT). */
export function ContractRateCard({ rateCard }: { rateCard: ContractDetail['rateCard'] }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <Stack gap="sm">
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.rate.labour')}</Table.Th>
            <Table.Th ta="right" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {labourTypes.map((type) => {
            const rate = rateCard.labourRates.find((r) => r.labourType === type);
            return (
              <Table.Tr key={type}>
                <Table.Td>{t(`enum.labourType.${type}`)}</Table.Td>
                <Table.Td ta="right" c={rate ? undefined : 'dimmed'}>
                  {rate ? formats.money(rate.hourlyRate) : t('contracts.rate.standardRate')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <FieldList
        fields={[
          {
            label: t('contracts.rate.travel'),
            value:
              rateCard.travelPricing === 'FLAT' ? (
                t('contracts.rate.flatFee', { amount: rateCard.travelFlatFee ? formats.money(rateCard.travelFlatFee) : t('common.none') })
              ) : (
                <Stack gap={0}>
                  <Text size="sm">{t('enum.travelPricing.ZONE')}</Text>
                  {rateCard.travelZones.map((zone) => (
                    <Text key={zone.code} size="sm">
                      {zone.code} — {zone.label} : {formats.money(zone.fee)}
                    </Text>
                  ))}
                </Stack>
              ),
          },
          {
            label: t('contracts.rate.partsDiscount'),
            value: t('contracts.rate.percent', { value: formats.decimal(rateCard.partsDiscountPercent) }),
          },
          { label: t('contracts.rate.includedHours'), value: formats.decimal(rateCard.includedLabourHoursPerYear) },
          { label: t('contracts.rate.travelIncluded'), value: yesNo(rateCard.travelIncluded) },
          { label: t('contracts.rate.partsIncluded'), value: yesNo(rateCard.partsIncluded) },
          ...rateCard.visitInclusions.map((inclusion) => ({
            label: `${t('contracts.rate.perIntervention')} — ${t(`enum.type.${inclusion.interventionType}`)}`,
            value: t(inclusionKey(inclusion), { hours: formats.decimal(inclusion.includedHours) }),
          })),
        ]}
      />
    </Stack>
  );
}
