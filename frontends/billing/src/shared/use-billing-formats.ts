import { useTranslation } from 'react-i18next';

const businessTimeZone = 'Europe/Paris';

/**
 * Amounts, quantities and dates as the clerk reads them, in the user's language. Intl reads the
 * API's decimal strings exactly: nothing is computed in the browser.
 */
export function useBillingFormats() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'fr-FR';
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: businessTimeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: businessTimeZone });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: businessTimeZone });
  return {
    /** 1 234,56 € */
    money: (amount: string, currency = 'EUR') =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral),
    /** 2,5 (up to 4 decimals unless told: a revision coefficient has 5) */
    decimal: (value: string, maximumFractionDigits = 4) =>
      (maximumFractionDigits === 4 ? decimalFormat : new Intl.NumberFormat(locale, { maximumFractionDigits })).format(
        value as Intl.StringNumericLiteral,
      ),
    /** 20 % */
    percent: (value: string) => `${decimalFormat.format(value as Intl.StringNumericLiteral)} %`,
    /** 23/11/2026, from a LocalDate (YYYY-MM-DD) or an instant */
    date: (value: string) => dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value)),
    /** 23/11/2026 14:05, an instant in Paris time */
    dateTime: (instant: string) => dateTimeFormat.format(new Date(instant)),
    /** octobre 2026, the month of a LocalDate (an index value's period) */
    month: (value: string) => monthFormat.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)),
  };
}
