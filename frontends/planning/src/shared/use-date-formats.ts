import { useTranslation } from 'react-i18next';
import { businessTimeZone } from './paris-time';

const localeOf = (language: string | undefined) => (language === 'en' ? 'en-GB' : 'fr-FR');

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale, { timeZone: businessTimeZone, ...options });
}

/** Dates and times as the user reads them: their language, always in Paris time. */
export function useDateFormats() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage);
  const asDate = (value: string) => (value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value));
  return {
    locale,
    /** 23/11/2026 */
    date: (value: string) => formatter(locale, { dateStyle: 'short' }).format(asDate(value)),
    /** 23 novembre 2026 */
    longDate: (value: string) => formatter(locale, { dateStyle: 'long' }).format(asDate(value)),
    /** lun. 23 nov. */
    dayHeading: (value: string) => formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(asDate(value)),
    /** lundi 23 novembre */
    weekdayLong: (value: string) => {
      const text = formatter(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(asDate(value));
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    },
    /** 14:30 */
    time: (value: string) => formatter(locale, { timeStyle: 'short' }).format(new Date(value)),
    /** 23/11/2026 14:30 */
    dateTime: (value: string) => formatter(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value)),
    /** 23 nov. 14:30 */
    shortDateTime: (value: string) =>
      formatter(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(value)),
    /** 2,5 (a Decimal string, read exactly) */
    decimal: (value: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value as Intl.StringNumericLiteral),
    money: (value: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value as Intl.StringNumericLiteral),
  };
}
