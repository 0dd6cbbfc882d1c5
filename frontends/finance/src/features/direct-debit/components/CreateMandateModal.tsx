import { Button, Group, Input, Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SepaMandateKind } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useCreateMandate } from '../hooks/use-mandates';

interface MandateValues {
  customerId: string | null;
  kind: SepaMandateKind;
  reference: string;
  signedOn: string;
  debtorName: string;
  iban: string;
  bic: string;
}

const kinds: SepaMandateKind[] = ['RECURRENT', 'ONE_OFF'];
const serverFields = new Set(['customerId', 'kind', 'reference', 'signedOn', 'debtorName', 'iban', 'bic']);
const isField = (path: string): path is keyof MandateValues => serverFields.has(path);

/**
 * "Enregistrer un mandat": the mandate the customer signed, as written on it; the RUM is generated
 * when left empty, and the server's checks (IBAN, BIC, signature date, one active recurrent
 * mandate per customer) show on the fields they concern.
 */
export function CreateMandateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const { create, busy } = useCreateMandate();
  const form = useForm<MandateValues>({
    defaultValues: { customerId: null, kind: 'RECURRENT', reference: '', signedOn: todayInParis(), debtorName: '', iban: '', bic: '' },
  });
  const action = useFormAction(form, (path) => (isField(path) ? path : null));
  const { errors } = form.formState;
  const required = t('common.required');
  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() =>
      create({
        customerId: values.customerId!,
        kind: values.kind,
        reference: values.reference.trim() || null,
        signedOn: values.signedOn,
        debtorName: values.debtorName.trim() || null,
        iban: values.iban,
        bic: values.bic.trim() || null,
      }),
    );
    if (created) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('directDebit.createMandate.title')} size="lg">
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Controller
          control={form.control}
          name="customerId"
          rules={{ required }}
          render={({ field }) => (
            <CustomerPicker
              label={t('directDebit.createMandate.customer')}
              required
              value={field.value}
              error={fieldErrorOf(errors, 'customerId')}
              onChange={field.onChange}
            />
          )}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Input.Wrapper label={t('directDebit.createMandate.kind')} error={fieldErrorOf(errors, 'kind')}>
                <SegmentedControl
                  fullWidth
                  value={field.value}
                  onChange={(value) => field.onChange(value as SepaMandateKind)}
                  data={kinds.map((kind) => ({ value: kind, label: t(`directDebit.createMandate.${kind}`) }))}
                />
              </Input.Wrapper>
            )}
          />
          <TextInput
            type="date"
            label={t('directDebit.createMandate.signedOn')}
            withAsterisk
            max={todayInParis()}
            error={fieldErrorOf(errors, 'signedOn')}
            {...form.register('signedOn', { required })}
          />
        </SimpleGrid>
        <TextInput
          label={t('directDebit.createMandate.reference')}
          description={t('directDebit.createMandate.referenceHint')}
          error={fieldErrorOf(errors, 'reference')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.register('reference')}
        />
        <TextInput
          label={t('directDebit.createMandate.debtorName')}
          placeholder={t('directDebit.createMandate.debtorNamePlaceholder')}
          error={fieldErrorOf(errors, 'debtorName')}
          {...form.register('debtorName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('directDebit.createMandate.iban')}
            withAsterisk
            autoComplete="off"
            error={fieldErrorOf(errors, 'iban')}
            styles={{ root: { gridColumn: 'span 2' }, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.register('iban', { validate: (value) => value.trim().length > 0 || required })}
          />
          <TextInput
            label={t('directDebit.createMandate.bic')}
            placeholder={t('directDebit.createMandate.bicPlaceholder')}
            autoComplete="off"
            error={fieldErrorOf(errors, 'bic')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.register('bic')}
          />
        </SimpleGrid>
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('directDebit.createMandate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
