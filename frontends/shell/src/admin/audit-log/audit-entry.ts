/** Where a changed record is shown in the back-office; null when it has no page of its own. */
export function recordLinkOf(tableName: string, rowId: string, changes: unknown): string | null {
  const id = encodeURIComponent(rowId);
  switch (tableName) {
    case 'customers':
      return `/facturation/clients/${id}`;
    case 'quotes':
      return `/facturation/devis/${id}`;
    case 'invoices':
      return rowOrNewValue(changes, 'type_code') === '381' ? `/facturation/avoirs/${id}` : `/facturation/factures/${id}`;
    case 'contracts':
      return `/facturation/contrats/${id}`;
    case 'catalog_items':
      return `/facturation/catalogue/${id}`;
    case 'price_lists':
      return `/facturation/tarifs/${id}`;
    case 'interventions':
      return `/planning/interventions/${id}`;
    case 'equipment':
      return `/planning/equipements/${id}`;
    case 'webhook_endpoints':
      return `/administration/webhooks/${id}`;
    default:
      return null;
  }
}

/** A column's value (an invoice's `type_code`: 381 for a credit note) in an insert/delete row, or its new value in an update (`{ from, to }`). */
function rowOrNewValue(changes: unknown, column: string): unknown {
  const value = asRecord(changes)[column];
  if (value && typeof value === 'object' && 'to' in value) return (value as { to: unknown }).to;
  return value;
}

/** The columns an update changed (bookkeeping columns left out); none for a creation or a deletion. */
export function changedFields(action: string, changes: unknown): string[] {
  if (action !== 'update') return [];
  return Object.keys(asRecord(changes)).filter((column) => !['updated_at', 'version'].includes(column));
}

/** The entry's `changes` (a JSON object, typed `unknown` by the client). */
function asRecord(changes: unknown): Record<string, unknown> {
  return typeof changes === 'object' && changes !== null ? (changes as Record<string, unknown>) : {};
}

/**
 * The API's period [from, to) from the form's inclusive days (YYYY-MM-DD, Paris time): "to" is the
 * start of the following day.
 */
export function auditPeriod(fromDay: string, toDay: string): { from: string | null; to: string | null } {
  return { from: fromDay ? parisMidnight(fromDay) : null, to: toDay ? parisMidnight(nextDay(toDay)) : null };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Midnight in Paris on that day, as an instant. */
function parisMidnight(day: string): string {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const parisNoon = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(noonUtc);
  const offsetHours = Number(parisNoon) - 12;
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3600_000).toISOString();
}
