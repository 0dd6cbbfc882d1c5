/** The first day of the month `months` after the month of `date` (YYYY-MM-DD). */
function monthStart(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The day before a first of the month: the last day of the month before it. */
function dayBefore(firstOfMonth: string): string {
  return new Date(Date.parse(`${firstOfMonth}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dates the "open a fiscal year" form starts with: the twelve months after the latest year
 * (`lastEndsOn`), or this calendar year for the first one. The server checks what is sent.
 */
export function proposedFiscalYear(lastEndsOn: string | null, today: string): { startsOn: string; endsOn: string } {
  const startsOn = lastEndsOn ? monthStart(lastEndsOn, 1) : `${today.slice(0, 4)}-01-01`;
  return { startsOn, endsOn: dayBefore(monthStart(startsOn, 12)) };
}
