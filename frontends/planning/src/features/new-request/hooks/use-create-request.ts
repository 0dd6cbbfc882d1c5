import { useMutation } from '@apollo/client/react';
import { useFormAction } from '@relais/session';
import type { Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateInterventionRequestDocument, type InterventionPriority, type InterventionType } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useNotify } from '../../../shared/notifications';
import { useDateFormats } from '../../../shared/use-date-formats';

export interface NewRequestValues {
  customerId: string | null;
  siteId: string | null;
  equipmentId: string | null;
  type: InterventionType;
  priority: InterventionPriority;
  title: string;
  description: string;
  estimatedDurationMinutes: string;
}

const formFields: readonly Path<NewRequestValues>[] = [
  'customerId',
  'siteId',
  'equipmentId',
  'title',
  'description',
  'estimatedDurationMinutes',
];

/** The input of the form a refused field names ("siteId"), or null. */
export const requestFormPathOf = (formPath: string): Path<NewRequestValues> | null =>
  formFields.find((field) => field === formPath) ?? null;

/**
 * Creates the request; the server sets its number and SLA deadline, then the planner goes back to
 * the board. A refused field is shown under its input, in the user's language.
 */
export function useCreateRequest(form: UseFormReturn<NewRequestValues>) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const notify = useNotify();
  const navigate = useNavigate();
  const action = useFormAction(form, requestFormPathOf);
  const [create, { loading }] = useMutation(CreateInterventionRequestDocument, { refetchQueries: ['DispatchBoard', 'Interventions'] });

  async function submit(values: NewRequestValues) {
    const result = await action.run(() =>
      create({
        variables: {
          input: {
            customerId: values.customerId!,
            siteId: values.siteId!,
            equipmentId: values.equipmentId || null,
            type: values.type,
            priority: values.priority,
            title: values.title.trim(),
            description: values.description.trim() || null,
            estimatedDurationMinutes: Number(values.estimatedDurationMinutes),
          },
        },
      }),
    );
    const created = result?.data?.createInterventionRequest;
    if (!created) return;
    notify({
      tone: 'success',
      title: created.dueBy
        ? t('newRequest.created', { number: created.number, dueBy: formats.dateTime(created.dueBy) })
        : t('newRequest.createdNoSla', { number: created.number }),
    });
    navigate(planningPaths.board);
  }

  return { submit, saving: loading, action };
}
