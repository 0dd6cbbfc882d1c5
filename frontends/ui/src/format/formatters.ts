import type { Language } from '../i18n/i18n';

const localeOf: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const businessTimeZone = 'Europe/Paris';

/** A LocalDate (YYYY-MM-DD) read at noon UTC, which is the same day in Paris; an instant as it is. */
const dateOf = (value: string) => new Date(value.length === 10 ? `${value}T12:00:00Z` : value);

const dateFormat = (language: Language, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(localeOf[language], { timeZone: businessTimeZone, ...options });

/**
 * Formats a decimal amount received as a string from the API. Intl reads the string exactly
 * (no conversion to a JS number), so what the server computed is what the user sees.
 */
export function formatMoney(amount: string, language: Language, currency = 'EUR'): string {
  return new Intl.NumberFormat(localeOf[language], { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
}

/** A Decimal string read exactly, with up to `maximumFractionDigits` decimals (2,5). */
export function formatDecimal(value: string, language: Language, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(localeOf[language], { maximumFractionDigits }).format(value as Intl.StringNumericLiteral);
}

/** A percentage given in percent ("20.00", "5.5"): 20 % (narrow no-break space) in French, 20% in English. */
export function formatPercent(value: string, language: Language): string {
  return new Intl.NumberFormat(localeOf[language], { style: 'unit', unit: 'percent', maximumFractionDigits: 4 }).format(
    value as Intl.StringNumericLiteral,
  );
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language]).format(value);
}

/** 23/11/2026: a LocalDate, or the calendar date of an instant in the tenant's business time zone. */
export function formatDate(value: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'short' }).format(dateOf(value));
}

/** 23 novembre 2026, for a sentence. */
export function formatLongDate(value: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'long' }).format(dateOf(value));
}

/** 23/11/2026 14:05, an instant in Paris time. */
export function formatDateTime(instant: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));
}

/** octobre 2026, the month of a LocalDate. */
export function formatMonth(value: string, language: Language): string {
  return dateFormat(language, { month: 'long', year: 'numeric' }).format(dateOf(value.slice(0, 10)));
}
