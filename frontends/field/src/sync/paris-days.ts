const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Paris and the following days, as YYYY-MM-DD (tenant-local dates, whatever the phone's zone). */
export function nextDays(now: Date, count: number): string[] {
  const today = parisDay.format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, offset) => new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10));
}
