import { useSearchParams } from 'react-router';
import type { InterventionFilter, InterventionSort, InterventionStatus, InterventionType } from '../../../gql/graphql';
import { addLocalDays, instantAt } from '../../../shared/paris-time';

export const interventionStatuses: InterventionStatus[] = [
  'REQUESTED',
  'SCHEDULED',
  'IN_PROGRESS',
  'COMPLETED',
  'CLOSED',
  'INVOICED',
  'CANCELLED',
];
export const interventionTypes: InterventionType[] = ['PREVENTIVE', 'CORRECTIVE', 'INSTALLATION', 'INSPECTION'];
export const interventionSorts: InterventionSort[] = ['REQUESTED_AT', 'SCHEDULED_START', 'DUE_BY', 'NUMBER'];

export interface InterventionFilterValues {
  search: string;
  status: InterventionStatus[];
  type: InterventionType[];
  technicianId: string | null;
  from: string;
  to: string;
  sort: InterventionSort;
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value?.split(',') ?? []).filter((item): item is T => (allowed as readonly string[]).includes(item));

/** The list's filters, kept in the address (?statut=SCHEDULED,IN_PROGRESS&du=2026-11-01…) so "back" restores them. */
export function useInterventionFilters() {
  const [params, setParams] = useSearchParams();
  const values: InterventionFilterValues = {
    search: params.get('q') ?? '',
    status: list(params.get('statut'), interventionStatuses),
    type: list(params.get('type'), interventionTypes),
    technicianId: params.get('technicien'),
    from: params.get('du') ?? '',
    to: params.get('au') ?? '',
    sort: list(params.get('tri'), interventionSorts)[0] ?? 'REQUESTED_AT',
  };
  const keys: Record<keyof InterventionFilterValues, string> = {
    search: 'q',
    status: 'statut',
    type: 'type',
    technicianId: 'technicien',
    from: 'du',
    to: 'au',
    sort: 'tri',
  };

  function set<K extends keyof InterventionFilterValues>(key: K, value: InterventionFilterValues[K]) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const text: string = Array.isArray(value) ? (value as string[]).join(',') : ((value as string | null) ?? '');
        if (text) next.set(keys[key], text);
        else next.delete(keys[key]);
        return next;
      },
      { replace: true },
    );
  }

  const filter: InterventionFilter = {
    ...(values.search ? { search: values.search } : {}),
    ...(values.status.length ? { status: values.status } : {}),
    ...(values.type.length ? { type: values.type } : {}),
    ...(values.technicianId ? { technicianId: values.technicianId } : {}),
    ...(values.from ? { from: instantAt(values.from, 0) } : {}),
    ...(values.to ? { to: instantAt(addLocalDays(values.to, 1), 0) } : {}),
  };

  return { values, set, filter, reset: () => setParams(new URLSearchParams(), { replace: true }), active: params.size > 0 };
}
