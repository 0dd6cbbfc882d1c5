import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

/** The language chosen in the back-office (same origin, same key), French otherwise. */
export const language = globalThis.localStorage?.getItem('relais.language') === 'en' ? 'en' : 'fr';

/** French first, as the back-office; the field app has one namespace of its own. */
void i18next.use(initReactI18next).init({
  lng: language,
  fallbackLng: 'fr',
  resources: { fr: { translation: fr }, en: { translation: en } },
  interpolation: { escapeValue: false },
});

const locale = language === 'en' ? 'en-GB' : 'fr-FR';
export const dateTime = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
export const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
export const longDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
export const shortDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
