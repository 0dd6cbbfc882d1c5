/** Today in Paris (YYYY-MM-DD), as the application dates things. */
export const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

/** The first day of the month `months` away from this one. */
export function monthStart(months: number): string {
  const [y, m] = TODAY.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The last day of the month `months` away from this one. */
export const monthEnd = (months: number) =>
  new Date(Date.parse(`${monthStart(months + 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Day `d` of the month `months` away from this one. */
export const dayOf = (months: number, d: number) => `${monthStart(months).slice(0, 8)}${String(d).padStart(2, '0')}`;
