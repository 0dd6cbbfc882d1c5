/** Today's calendar date in Paris, YYYY-MM-DD (a LocalDate). */
export const todayInParis = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
