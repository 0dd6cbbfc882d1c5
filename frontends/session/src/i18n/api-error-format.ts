/**
 * Placeholders of the error catalogues, formatted by i18next in the user's language: a LocalDate
 * ("14 mars 2026"), an accounting period ("mars 2026") and an amount in euros ("1 234,50 €").
 * `errorMessage` turns the error's details into the values they read.
 */
export const day = (name: string) => `{{${name}, datetime(dateStyle: long; timeZone: Europe/Paris)}}`;
export const month = (name: string) => `{{${name}, datetime(month: long; year: numeric; timeZone: Europe/Paris)}}`;
export const euros = (name: string) => `{{${name}, currency(currency: EUR)}}`;
