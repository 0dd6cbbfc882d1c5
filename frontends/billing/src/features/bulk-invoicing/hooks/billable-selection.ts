/**
 * What the clerk picked on "À facturer", across customers: some interventions, or everything the
 * filters show (less the ones unticked afterwards). The server resolves "everything" with the same
 * filters, so what it invoices is what the list showed.
 */
export type BillableSelection = { mode: 'some'; ids: ReadonlySet<string> } | { mode: 'all'; excluded: ReadonlySet<string> };

export interface BillableFilters {
  customerId: string | null;
  closedUntil: string | null;
}

export const noSelection: BillableSelection = { mode: 'some', ids: new Set() };
export const everything: BillableSelection = { mode: 'all', excluded: new Set() };

export function isSelected(selection: BillableSelection, id: string): boolean {
  return selection.mode === 'some' ? selection.ids.has(id) : !selection.excluded.has(id);
}

const toggled = (set: ReadonlySet<string>, id: string) => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

export function toggle(selection: BillableSelection, id: string): BillableSelection {
  return selection.mode === 'some'
    ? { mode: 'some', ids: toggled(selection.ids, id) }
    : { mode: 'all', excluded: toggled(selection.excluded, id) };
}

/** Ticks (or unticks) several rows at once: a customer's group. */
export function setMany(selection: BillableSelection, ids: readonly string[], selected: boolean): BillableSelection {
  if (selection.mode === 'some') {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (selected) next.add(id);
      else next.delete(id);
    }
    return { mode: 'some', ids: next };
  }
  const excluded = new Set(selection.excluded);
  for (const id of ids) {
    if (selected) excluded.delete(id);
    else excluded.add(id);
  }
  return { mode: 'all', excluded };
}

/** The rows shown that are ticked. */
export function selectedRows<Row extends { intervention: { id: string } }>(selection: BillableSelection, rows: readonly Row[]): Row[] {
  return rows.filter((row) => isSelected(selection, row.intervention.id));
}

/** What the server is asked to invoice (BillingSelectionInput). */
export function selectionInput(selection: BillableSelection, filters: BillableFilters) {
  return selection.mode === 'some'
    ? { interventionIds: [...selection.ids] }
    : { filter: { customerId: filters.customerId, closedUntil: filters.closedUntil }, excludedInterventionIds: [...selection.excluded] };
}
