import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n/i18n';
import { formatCount, formatDate, formatMoney } from './formatters';

/** Formatters bound to the language the user picked (re-renders when it changes). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const resolved = i18n.resolvedLanguage;
  const language = isLanguage(resolved) ? resolved : 'fr';
  return {
    money: (amount: string, currency?: string) => formatMoney(amount, language, currency),
    count: (value: number) => formatCount(value, language),
    date: (isoInstant: string) => formatDate(isoInstant, language),
  };
}
