import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format/use-formatters';
import { FieldList } from './FieldList';

/** The labour types a rate card prices, in the order they are shown. */
export const rateCardLabourTypes = ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'] as const;

/** A contract's rate card as the API gives it (amounts excl. VAT as decimal strings). */
export interface RateCardView {
  labourRates: readonly { labourType: string; hourlyRate: string }[];
  travelPricing: string;
  travelFlatFee?: string | null;
  travelZones: readonly { code: string; label: string; fee: string }[];
  partsDiscountPercent: string;
  includedLabourHoursPerYear: string;
  visitInclusions: readonly { interventionType: string; includedHours: string; travelIncluded: boolean }[];
  travelIncluded: boolean;
  partsIncluded: boolean;
}

/** How an inclusion reads: hours, hours and travel, or travel only. */
function inclusionKey(inclusion: RateCardView['visitInclusions'][number]) {
  if (!inclusion.travelIncluded) return 'rateCard.perInterventionValue' as const;
  return Number(inclusion.includedHours) === 0
    ? ('rateCard.perInterventionTravelOnly' as const)
    : ('rateCard.perInterventionTravel' as const);
}

/**
 * Labour rates (a missing one: the standard rate), travel, parts and inclusions, as the contract
 * states them (amounts excl. VAT), read-only: shown by the planning app (which edits them) and by
 * the billing app's contract page.
 */
export function ContractRateCard({ rateCard }: { rateCard: RateCardView }) {
  const { t } = useTranslation();
  const formats = useFormatters();
  const yesNo = (value: boolean) => (value ? t('rateCard.yes') : t('rateCard.no'));
  return (
    <Stack gap="sm" data-testid="contract-rate-card">
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rateCard.labour')}</Table.Th>
            <Table.Th ta="right" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rateCardLabourTypes.map((type) => {
            const rate = rateCard.labourRates.find((r) => r.labourType === type);
            return (
              <Table.Tr key={type}>
                <Table.Td>{t(`rateCard.labourType.${type}`)}</Table.Td>
                <Table.Td ta="right" c={rate ? undefined : 'dimmed'}>
                  {rate ? formats.money(rate.hourlyRate) : t('rateCard.standardRate')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <FieldList
        fields={[
          {
            label: t('rateCard.travel'),
            value:
              rateCard.travelPricing === 'FLAT' ? (
                t('rateCard.flatFee', { amount: rateCard.travelFlatFee ? formats.money(rateCard.travelFlatFee) : t('rateCard.none') })
              ) : (
                <Stack gap={0}>
                  <Text size="sm">{t('rateCard.byZone')}</Text>
                  {rateCard.travelZones.map((zone) => (
                    <Text key={zone.code} size="sm">
                      {zone.code} — {zone.label} : {formats.money(zone.fee)}
                    </Text>
                  ))}
                </Stack>
              ),
          },
          { label: t('rateCard.partsDiscount'), value: formats.percent(rateCard.partsDiscountPercent) },
          { label: t('rateCard.includedHours'), value: formats.decimal(rateCard.includedLabourHoursPerYear, 2) },
          { label: t('rateCard.travelIncluded'), value: yesNo(rateCard.travelIncluded) },
          { label: t('rateCard.partsIncluded'), value: yesNo(rateCard.partsIncluded) },
          ...rateCard.visitInclusions.map((inclusion) => ({
            label: `${t('rateCard.perIntervention')} — ${t(`rateCard.interventionType.${inclusion.interventionType}`, {
              defaultValue: inclusion.interventionType,
            })}`,
            value: t(inclusionKey(inclusion), { hours: formats.decimal(inclusion.includedHours, 2) }),
          })),
        ]}
      />
    </Stack>
  );
}
