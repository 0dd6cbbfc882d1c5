/** A duration in minutes as hours the way the reader writes them: "1,5 h" in French, "1.5 h" in English. */
export function hoursLabel(minutes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60)} h`;
}

/** A Decimal string of the API ("1.50") as a French user types it back ("1,5"). */
export function decimalForInput(value: string, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(value as Intl.StringNumericLiteral);
}
