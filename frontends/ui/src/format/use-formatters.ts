import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n/i18n';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatLongDate,
  formatMoney,
  formatMonth,
  formatPercent,
} from './formatters';

/**
 * Amounts, counts and dates as the user reads them, in the language they picked (re-renders when
 * it changes), dates in Paris time. Intl reads the API's decimal strings exactly: nothing is
 * computed in the browser.
 */
export function useFormatters() {
  const { i18n } = useTranslation();
  const resolved = i18n.resolvedLanguage;
  const language = isLanguage(resolved) ? resolved : 'fr';
  return {
    /** 1 234,56 € */
    money: (amount: string, currency?: string) => formatMoney(amount, language, currency),
    /** 2,5 (up to 4 decimals unless told: a revision coefficient has 5) */
    decimal: (value: string, maximumFractionDigits?: number) => formatDecimal(value, language, maximumFractionDigits),
    /** 20 % (20% in English) */
    percent: (value: string) => formatPercent(value, language),
    /** 1 234 */
    count: (value: number) => formatCount(value, language),
    /** 23/11/2026, from a LocalDate (YYYY-MM-DD) or an instant */
    date: (value: string) => formatDate(value, language),
    /** 23 novembre 2026 */
    longDate: (value: string) => formatLongDate(value, language),
    /** 23/11/2026 14:05 */
    dateTime: (instant: string) => formatDateTime(instant, language),
    /** octobre 2026 */
    month: (value: string) => formatMonth(value, language),
  };
}
