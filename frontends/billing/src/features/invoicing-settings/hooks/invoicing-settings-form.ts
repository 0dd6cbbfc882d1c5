import type { Path } from 'react-hook-form';
import type { InvoiceGrouping, InvoicingSettingsFieldsFragment, InvoicingSettingsInput } from '../../../gql/graphql';

/** One draft per customer, per site or per contract of the work invoiced in bulk. */
export const invoiceGroupings: readonly InvoiceGrouping[] = ['CUSTOMER', 'SITE', 'CONTRACT'];

/** The settings as typed; empty texts go back to the defaults (templates, public address) or to none (reply-to). */
export interface InvoicingSettingsValues {
  invoiceGrouping: InvoiceGrouping;
  billingEmail: string;
  publicUrl: string;
  invoiceMailSubject: string;
  invoiceMailBody: string;
  portalPrimaryColor: string;
}

export const settingsValuesFrom = (settings: InvoicingSettingsFieldsFragment): InvoicingSettingsValues => ({
  invoiceGrouping: settings.invoiceGrouping,
  billingEmail: settings.billingEmail ?? '',
  publicUrl: settings.publicUrl,
  invoiceMailSubject: settings.invoiceMailSubject,
  invoiceMailBody: settings.invoiceMailBody,
  portalPrimaryColor: settings.portalPrimaryColor,
});

/**
 * Only what the user changed from what the screen opened with is sent: it shows the templates and
 * public address in force (the defaults, the deployment's address), which must not become the
 * tenant's own by a save.
 */
export function settingsInput(values: InvoicingSettingsValues, initial: InvoicingSettingsValues): InvoicingSettingsInput {
  const input: InvoicingSettingsInput = {};
  const changed = (name: keyof InvoicingSettingsValues) => values[name] !== initial[name];
  if (changed('invoiceGrouping')) input.invoiceGrouping = values.invoiceGrouping;
  if (changed('billingEmail')) input.billingEmail = values.billingEmail.trim();
  if (changed('publicUrl')) input.publicUrl = values.publicUrl.trim();
  if (changed('invoiceMailSubject')) input.invoiceMailSubject = values.invoiceMailSubject;
  if (changed('invoiceMailBody')) input.invoiceMailBody = values.invoiceMailBody;
  if (changed('portalPrimaryColor')) input.portalPrimaryColor = values.portalPrimaryColor.trim();
  return input;
}

const MAIL_ADDRESS = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;
const ABSOLUTE_HTTP_URL = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/;

/** An e-mail address as mail servers take it (the server checks it again); empty is allowed: no reply-to. */
export const isMailAddressOrEmpty = (value: string): boolean => value.trim() === '' || MAIL_ADDRESS.test(value.trim());

/** An absolute http(s) address without query nor fragment (a path prefix is allowed); empty: the deployment's. */
export const isPublicUrlOrEmpty = (value: string): boolean => value.trim() === '' || ABSOLUTE_HTTP_URL.test(value.trim());

/** The customer portal's colour, as the server keeps it: #rrggbb. */
export const isHexColour = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value.trim());

const formFields = new Set<string>([
  'invoiceGrouping',
  'billingEmail',
  'publicUrl',
  'invoiceMailSubject',
  'invoiceMailBody',
  'portalPrimaryColor',
]);

/** The input showing a field the server refused, if the form has one. */
export const settingsFormPath = (field: string): Path<InvoicingSettingsValues> | null =>
  formFields.has(field) ? (field as Path<InvoicingSettingsValues>) : null;
