import { useMutation, useQuery } from '@apollo/client/react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { reportInput } from '@relais/ui/report-input';
import {
  CompleteInterventionDocument,
  MyTechnicianDocument,
  RecordInterventionReportDocument,
  type LabourType,
} from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useNotify } from '../../../shared/notifications';
import { todayInParis } from '../../../shared/paris-time';
import { decimalForInput } from '../../../shared/hours';
import { useActionFeedback } from '../../../shared/use-action-feedback';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { InterventionDetail } from '../../interventions/hooks/use-intervention';

export interface FieldReportValues {
  labour: { technicianId: string; workDate: string; hours: string; labourType: LabourType }[];
  travelCount: string;
  travelZone: string | null;
  parts: { catalogItemId: string; code: string; label: string; unit: string; quantity: string; serialNumber: string }[];
  observations: string;
  photos: { caption: string; dataUrl: string }[];
  signerName: string;
  customerReservations: string;
}

function initialValues(intervention: InterventionDetail, locale: string): FieldReportValues {
  const { report } = intervention;
  return {
    labour: report.labour.map((entry) => ({
      technicianId: entry.technician.id,
      workDate: entry.workDate,
      hours: decimalForInput(entry.hours, locale),
      labourType: entry.labourType,
    })),
    travelCount: String(report.travelCount),
    travelZone: report.travelZone ?? null,
    parts: report.parts.map((part) => ({
      catalogItemId: part.item.id,
      code: part.item.code,
      label: part.item.label,
      unit: part.item.unit,
      quantity: decimalForInput(part.quantity, locale),
      serialNumber: part.serialNumber ?? '',
    })),
    observations: report.observations ?? '',
    photos: report.photos.map((photo) => ({ caption: photo.caption ?? '', dataUrl: photo.url })),
    signerName: report.signerName ?? '',
    customerReservations: report.customerReservations ?? '',
  };
}

/**
 * The technician's report on the phone: what was done, saved as a whole (the API replaces the
 * report), then "Terminer" saves and completes with the version the save returned.
 */
export function useFieldReport(intervention: InterventionDetail, reload: () => unknown) {
  const { t } = useTranslation(planningNamespace);
  const notify = useNotify();
  const navigate = useNavigate();
  const run = useActionFeedback(reload);
  const formats = useDateFormats();
  const form = useForm<FieldReportValues>({ defaultValues: initialValues(intervention, formats.locale) });
  const labour = useFieldArray({ control: form.control, name: 'labour' });
  const parts = useFieldArray({ control: form.control, name: 'parts' });
  const photos = useFieldArray({ control: form.control, name: 'photos' });
  const [record, recordState] = useMutation(RecordInterventionReportDocument);
  const [complete, completeState] = useMutation(CompleteInterventionDocument, { refetchQueries: ['MyDay'] });

  /** The signed-in user's technician record (me.technician), else the first technician assigned. */
  const { data: myTechnician } = useQuery(MyTechnicianDocument);
  const me =
    intervention.technicians.find((technician) => technician.id === myTechnician?.me.technician?.id) ?? intervention.technicians[0];

  const addLabour = () => labour.append({ technicianId: me?.id ?? '', workDate: todayInParis(), hours: '', labourType: 'NORMAL' });

  async function save(signatureDataUrl: string | null) {
    const report = reportInput(form.getValues(), {
      signatureDataUrl: signatureDataUrl ?? intervention.report.signatureDataUrl ?? null,
      photosChanged: form.formState.dirtyFields.photos !== undefined,
    });
    const result = await run(() => record({ variables: { id: intervention.id, report, expectedVersion: intervention.version } }));
    return result?.data?.recordInterventionReport ?? null;
  }

  return {
    form,
    labour,
    parts,
    photos,
    addLabour,
    busy: recordState.loading || completeState.loading,
    travelZones: intervention.contract?.rateCard.travelPricing === 'ZONE' ? intervention.contract.rateCard.travelZones : [],
    saveDraft: async (signatureDataUrl: string | null) => {
      const saved = await save(signatureDataUrl);
      if (saved) {
        form.reset(initialValues(saved, formats.locale));
        notify({ tone: 'success', title: t('myDay.saved') });
      }
    },
    finish: async (signatureDataUrl: string | null) => {
      const values = form.getValues();
      if (!values.labour.some((entry) => entry.hours.trim())) {
        notify({ tone: 'error', title: t('myDay.missingLabour') });
        return;
      }
      if (!(signatureDataUrl ?? intervention.report.signatureDataUrl) || !values.signerName.trim()) {
        notify({ tone: 'error', title: t('myDay.missingSignature') });
        return;
      }
      const saved = await save(signatureDataUrl);
      if (!saved) return;
      const completed = await run(() => complete({ variables: { id: saved.id, expectedVersion: saved.version } }));
      if (!completed?.data) return;
      notify({ tone: 'success', title: t('myDay.completed', { number: saved.number }) });
      navigate(planningPaths.myDay);
    },
  };
}
