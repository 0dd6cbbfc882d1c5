import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_INVOICE_MAIL_BODY,
  DEFAULT_INVOICE_MAIL_SUBJECT,
  INVOICE_MAIL_PLACEHOLDERS,
  MAX_MAIL_BODY_LENGTH,
  MAX_MAIL_SUBJECT_LENGTH,
  renderMailTemplate,
  unknownPlaceholders,
} from './invoice-mail.rules';
import { invoiceMailValues } from './invoice-sending';
import { isMailAddress } from '../mail/outbox.rules';
import { Tenant } from '../platform/tenant.entity';
import { updateInvoicingSettings, type InvoicingSettings } from '../platform/tenant-settings.service';
import { isPublicUrl } from '../platform/public-url';
import { isPortalColor } from '../platform/portal-branding';
import { Validator } from '../shared/errors';
import { localDate, plusDays } from '../shared/time';

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
  const billingEmail = patch.billingEmail?.trim();
  if (billingEmail) v.check(isMailAddress(billingEmail), 'billingEmail', `adresse e-mail invalide : « ${billingEmail} »`);
  if (patch.portalPrimaryColor !== undefined)
    v.check(isPortalColor(patch.portalPrimaryColor.trim()), 'portalPrimaryColor', 'couleur #rrggbb attendue, ex. #1c7ed6');
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

/** The invoice a template is tried on: a fictitious customer's, issued today, payable in 30 days. */
export const SAMPLE_INVOICE_CUSTOMER = 'Dupont Chauffage SARL';

/**
 * A mail template as a customer would read it, rendered by the same function as the real mails for
 * a sample invoice of 1 234,56 € TTC with the tenant's name and payment details. Empty templates
 * are the defaults; `unknown` lists the placeholders the settings would refuse (left as typed).
 */
export function sampleInvoiceMail(
  templates: { subject?: string | null; body?: string | null },
  tenant: Pick<Tenant, 'iban' | 'bic' | 'legalName'>,
  today: string,
): { subject: string; body: string; unknown: string[] } {
  const subject = templates.subject?.trim() || DEFAULT_INVOICE_MAIL_SUBJECT;
  const body = templates.body?.trim() || DEFAULT_INVOICE_MAIL_BODY;
  const values = invoiceMailValues(
    {
      typeCode: '380',
      number: `F-${today.slice(0, 4)}-00042`,
      issueDate: today,
      dueDate: plusDays(today, 30),
      totalGross: '1234.56',
      amountDue: '1234.56',
    },
    tenant,
    SAMPLE_INVOICE_CUSTOMER,
  );
  return {
    subject: renderMailTemplate(subject, values).replace(/\s+/g, ' '),
    body: renderMailTemplate(body, values),
    unknown: [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(body)])].map((u) => `{{${u}}}`),
  };
}

export async function invoiceMailPreview(
  em: EntityManager,
  tenantId: string,
  templates: { subject?: string | null; body?: string | null },
): Promise<{ subject: string; body: string; unknown: string[] }> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  return sampleInvoiceMail(templates, tenant, localDate(new Date(), tenant.timezone));
}
