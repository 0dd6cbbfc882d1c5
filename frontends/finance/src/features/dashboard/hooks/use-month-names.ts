import { useTranslation } from 'react-i18next';

const locales: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Month names in the user's language: "mars" (long) or "mars" / "Mar" (short, for chart axes). */
export function useMonthNames() {
  const { i18n } = useTranslation();
  const locale = locales[i18n.resolvedLanguage ?? 'fr'] ?? 'fr-FR';
  const name = (month: number, style: 'long' | 'short') =>
    new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 15)));
  return { long: (month: number) => name(month, 'long'), short: (month: number) => name(month, 'short') };
}
