import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn } from './common.en';
import { commonFr } from './common.fr';
import type { TranslationShape } from './translation-shape';

export const supportedLanguages = ['fr', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

const languageStorageKey = 'relais.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return supportedLanguages.some((language) => language === value);
}

function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(languageStorageKey) ?? null;
  return isLanguage(value) ? value : 'fr';
}

/** The one i18next instance of the back-office (shared as a singleton between shell and apps). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'fr',
  defaultNS: 'common',
  ns: ['common'],
  resources: { fr: { common: commonFr }, en: { common: commonEn } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Adds an app's labels under its own namespace; English must mirror the French keys. */
export function registerTranslations<T extends object>(namespace: string, translations: { fr: T; en: TranslationShape<T> }): void {
  i18n.addResourceBundle('fr', namespace, translations.fr, true, true);
  i18n.addResourceBundle('en', namespace, translations.en, true, true);
}

export function changeLanguage(language: Language): void {
  globalThis.localStorage?.setItem(languageStorageKey, language);
  void i18n.changeLanguage(language);
}
