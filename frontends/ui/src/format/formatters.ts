import type { Language } from '../i18n/i18n';

const localeOf: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const businessTimeZone = 'Europe/Paris';

/**
 * Formats a decimal amount received as a string from the API. Intl reads the string exactly
 * (no conversion to a JS number), so what the server computed is what the user sees.
 */
export function formatMoney(amount: string, language: Language, currency = 'EUR'): string {
  return new Intl.NumberFormat(localeOf[language], { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language]).format(value);
}

/** Calendar date of an instant, in the tenant's business time zone. */
export function formatDate(isoInstant: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf[language], {
    dateStyle: 'long',
    timeZone: businessTimeZone,
  }).format(new Date(isoInstant));
}
