import { fieldErrorOf } from '@relais/session';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TravelPricing } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { isTypedDecimal } from '@relais/ui';
import { emptyInclusion, emptyZone, interventionTypes, labourTypes, type ContractFormValues } from '../hooks/contract-form';

const travelPricings: readonly TravelPricing[] = ['FLAT', 'ZONE'];

/**
 * The rate card: the hourly rates (any left empty: the standard rate), travel (flat fee or zones),
 * parts discount, included hours and inclusions, and what each intervention type includes.
 */
export function RateCardFields({ form }: { form: UseFormReturn<ContractFormValues> }) {
  const { t } = useTranslation(planningNamespace);
  const travelPricing = useWatch({ control: form.control, name: 'rateCard.travelPricing' });
  const zones = useFieldArray({ control: form.control, name: 'rateCard.travelZones' });
  const inclusions = useFieldArray({ control: form.control, name: 'rateCard.visitInclusions' });
  const inclusionValues = useWatch({ control: form.control, name: 'rateCard.visitInclusions' });
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const amount = { validate: (value: string) => isTypedDecimal(value) || t('contractForm.amountFormat') };
  const optionalAmount = { validate: (value: string) => value.trim() === '' || isTypedDecimal(value) || t('contractForm.amountFormat') };
  const decimal = { validate: (value: string) => value.trim() === '' || isTypedDecimal(value) || t('contractForm.decimalFormat') };
  const euro = <Text size="xs">€</Text>;

  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500}>
          {t('contractForm.labourRates')}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {t('contractForm.labourRatesHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {labourTypes.map((type) => (
            <TextInput
              key={type}
              label={t(`enum.labourType.${type}`)}
              placeholder={t('contractForm.standardRate')}
              rightSection={euro}
              styles={{ input: { textAlign: 'right' } }}
              error={errorOf(`rateCard.labourRates.${type}`)}
              {...form.register(`rateCard.labourRates.${type}`, optionalAmount)}
            />
          ))}
        </SimpleGrid>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Controller
          control={form.control}
          name="rateCard.travelPricing"
          render={({ field }) => (
            <Input.Wrapper label={t('contractForm.travel')}>
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  if (value === 'ZONE' && zones.fields.length === 0) zones.append(emptyZone());
                }}
                data={travelPricings.map((pricing) => ({ value: pricing, label: t(`enum.travelPricing.${pricing}`) }))}
              />
            </Input.Wrapper>
          )}
        />
        {travelPricing === 'FLAT' && (
          <TextInput
            label={t('contractForm.travelFlatFee')}
            withAsterisk
            rightSection={euro}
            styles={{ input: { textAlign: 'right' } }}
            error={errorOf('rateCard.travelFlatFee')}
            {...form.register('rateCard.travelFlatFee', amount)}
          />
        )}
        <TextInput
          label={t('contractForm.partsDiscountPercent')}
          rightSection={<Text size="xs">%</Text>}
          styles={{ input: { textAlign: 'right' } }}
          error={errorOf('rateCard.partsDiscountPercent')}
          {...form.register('rateCard.partsDiscountPercent', decimal)}
        />
        <TextInput
          label={t('contractForm.includedLabourHoursPerYear')}
          rightSection={<Text size="xs">h</Text>}
          styles={{ input: { textAlign: 'right' } }}
          error={errorOf('rateCard.includedLabourHoursPerYear')}
          {...form.register('rateCard.includedLabourHoursPerYear', decimal)}
        />
      </SimpleGrid>
      {travelPricing === 'ZONE' && (
        <div>
          <Table verticalSpacing={4} maw={640} data-testid="travel-zones">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contractForm.zone.code')}</Table.Th>
                <Table.Th>{t('contractForm.zone.label')}</Table.Th>
                <Table.Th ta="right">{t('contractForm.zone.fee')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {zones.fields.map((zone, index) => {
                const label = (field: 'code' | 'label' | 'fee') =>
                  t('contractForm.zone.fieldOf', { field: t(`contractForm.zone.${field}`), row: index + 1 });
                return (
                  <Table.Tr key={zone.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td w={110}>
                      <TextInput
                        size="xs"
                        aria-label={label('code')}
                        error={errorOf(`rateCard.travelZones.${index}.code`)}
                        {...form.register(`rateCard.travelZones.${index}.code`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={label('label')}
                        error={errorOf(`rateCard.travelZones.${index}.label`)}
                        {...form.register(`rateCard.travelZones.${index}.label`)}
                      />
                    </Table.Td>
                    <Table.Td w={130}>
                      <TextInput
                        size="xs"
                        aria-label={label('fee')}
                        rightSection={euro}
                        styles={{ input: { textAlign: 'right' } }}
                        error={errorOf(`rateCard.travelZones.${index}.fee`)}
                        {...form.register(`rateCard.travelZones.${index}.fee`, amount)}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon
                        size="sm"
                        mt={4}
                        variant="subtle"
                        color="red"
                        aria-label={t('contractForm.zone.remove', { row: index + 1 })}
                        onClick={() => zones.remove(index)}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group mt="xs">
            <Button variant="light" size="xs" onClick={() => zones.append(emptyZone())}>
              {t('contractForm.zone.add')}
            </Button>
          </Group>
        </div>
      )}
      <Group gap="xl">
        <Checkbox label={t('contractForm.travelIncluded')} {...form.register('rateCard.travelIncluded')} />
        <Checkbox label={t('contractForm.partsIncluded')} {...form.register('rateCard.partsIncluded')} />
      </Group>
      <div>
        <Text size="sm" fw={500}>
          {t('contractForm.inclusion.title')}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {t('contractForm.inclusion.hint')}
        </Text>
        {inclusions.fields.length > 0 && (
          <Table verticalSpacing={4} maw={640} data-testid="visit-inclusions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contractForm.inclusion.type')}</Table.Th>
                <Table.Th ta="right">{t('contractForm.inclusion.hours')}</Table.Th>
                <Table.Th>{t('contractForm.inclusion.travel')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inclusions.fields.map((inclusion, index) => {
                const label = (field: 'type' | 'hours' | 'travel') =>
                  t('contractForm.inclusion.fieldOf', { field: t(`contractForm.inclusion.${field}`), row: index + 1 });
                return (
                  <Table.Tr key={inclusion.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Controller
                        control={form.control}
                        name={`rateCard.visitInclusions.${index}.interventionType`}
                        render={({ field }) => (
                          <Select
                            size="xs"
                            aria-label={label('type')}
                            allowDeselect={false}
                            value={field.value}
                            onChange={(value) => value && field.onChange(value)}
                            error={errorOf(`rateCard.visitInclusions.${index}.interventionType`)}
                            data={interventionTypes.map((type) => ({
                              value: type,
                              label: t(`enum.type.${type}`),
                              disabled: type !== field.value && (inclusionValues ?? []).some((row) => row.interventionType === type),
                            }))}
                          />
                        )}
                      />
                    </Table.Td>
                    <Table.Td w={160}>
                      <TextInput
                        size="xs"
                        aria-label={label('hours')}
                        rightSection={<Text size="xs">h</Text>}
                        styles={{ input: { textAlign: 'right' } }}
                        error={errorOf(`rateCard.visitInclusions.${index}.includedHours`)}
                        {...form.register(`rateCard.visitInclusions.${index}.includedHours`, decimal)}
                      />
                    </Table.Td>
                    <Table.Td w={150}>
                      <Checkbox
                        mt={6}
                        aria-label={label('travel')}
                        label={t('contractForm.inclusion.travelIncluded')}
                        {...form.register(`rateCard.visitInclusions.${index}.travelIncluded`)}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon
                        size="sm"
                        mt={4}
                        variant="subtle"
                        color="red"
                        aria-label={t('contractForm.inclusion.remove', { row: index + 1 })}
                        onClick={() => inclusions.remove(index)}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {inclusions.fields.length < interventionTypes.length && (
          <Group mt="xs">
            <Button variant="light" size="xs" onClick={() => inclusions.append(emptyInclusion(inclusionValues ?? []))}>
              {t('contractForm.inclusion.add')}
            </Button>
          </Group>
        )}
      </div>
    </Stack>
  );
}
