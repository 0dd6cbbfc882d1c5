import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_INVOICE_MAIL_BODY,
  DEFAULT_INVOICE_MAIL_SUBJECT,
  INVOICE_MAIL_PLACEHOLDERS,
  MAX_MAIL_BODY_LENGTH,
  MAX_MAIL_SUBJECT_LENGTH,
  unknownPlaceholders,
} from './invoice-mail.rules';
import { updateInvoicingSettings, type InvoicingSettings } from '../platform/tenant-settings.service';
import { isPublicUrl } from '../platform/public-url';
import { Validator } from '../shared/errors';

/**
 * The tenant's invoicing settings as billing checks them: its mail templates may only use the
 * placeholders that exist; an empty template goes back to the default one.
 */

const known = INVOICE_MAIL_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

export function invoicingSettingsProblems(patch: Partial<InvoicingSettings>): Validator {
  const v = new Validator();
  for (const [field, max] of [
    ['invoiceMailSubject', MAX_MAIL_SUBJECT_LENGTH],
    ['invoiceMailBody', MAX_MAIL_BODY_LENGTH],
  ] as const) {
    const template = patch[field]?.trim();
    if (!template) continue;
    const unknown = unknownPlaceholders(template);
    v.check(unknown.length === 0, field, `repère inconnu : ${unknown.map((u) => `{{${u}}}`).join(', ')} (repères possibles : ${known})`);
    v.check(template.length <= max, field, `au plus ${max} caractères`);
  }
  const publicUrl = patch.publicUrl?.trim();
  if (publicUrl)
    v.check(
      isPublicUrl(publicUrl) && publicUrl.length <= 500,
      'publicUrl',
      'adresse http(s):// complète attendue, ex. https://relais.exemple.fr',
    );
  return v;
}

export async function setInvoicingSettings(
  em: EntityManager,
  tenantId: string,
  patch: Partial<InvoicingSettings>,
): Promise<InvoicingSettings> {
  invoicingSettingsProblems(patch).throwIfInvalid();
  return updateInvoicingSettings(em, tenantId, patch);
}

/** The templates in force: the tenant's, or the defaults. */
export const effectiveTemplates = (settings: InvoicingSettings) => ({
  subject: settings.invoiceMailSubject ?? DEFAULT_INVOICE_MAIL_SUBJECT,
  body: settings.invoiceMailBody ?? DEFAULT_INVOICE_MAIL_BODY,
});
