import { useTranslation } from 'react-i18next';

/**
 * Formats a decimal string from the API (hours, quantities, rates) in the user's language.
 * Intl reads the string exactly: nothing is computed in the browser.
 */
export function useDecimalFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'fr-FR';
  const formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  return (value: string) => formatter.format(value as Intl.StringNumericLiteral);
}
