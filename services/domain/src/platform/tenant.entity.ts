import { BlobType, defineEntity, p } from '@mikro-orm/core';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    slug: p.string(),
    legalName: p.string(),
    siren: p.string().nullable(),
    siret: p.string().nullable(),
    vatNumber: p.string().nullable(),
    addressLine1: p.string().nullable(),
    postalCode: p.string().nullable(),
    city: p.string().nullable(),
    country: p.string().default('FR'),
    timezone: p.string().default('Europe/Paris'),
    locale: p.string().default('fr-FR'),
    /** What its invoices must print about it (Code de commerce R123-237, L441-9/L441-10). */
    legalForm: p.string().nullable(),
    shareCapital: p.decimal('string').precision(14).scale(2).nullable(),
    rcsCity: p.string().nullable(),
    iban: p.string().nullable(),
    bic: p.string().nullable(),
    /** SEPA creditor identifier (ICS, "identifiant créancier SEPA") its direct debits are collected under. */
    sepaCreditorId: p.string().nullable(),
    billingEmail: p.string().nullable(),
    phone: p.string().nullable(),
    /** Annual percent; null prints the legal default (ECB refinancing rate + 10 points). */
    latePenaltyRate: p.decimal('string').precision(5).scale(2).nullable(),
    earlyPaymentTerms: p.text().default('Pas d’escompte pour paiement anticipé'),
    /** The tenant opted to pay VAT on services when invoiced rather than when paid (CGI 269-2-c). */
    vatOnDebits: p.boolean().default(false),
    /** The most a SMALL_BALANCE write-off (a remainder after a short payment) may be. */
    smallBalanceWriteOffLimit: p.decimal('string').precision(14).scale(2).default('5.00'),
    /** Contract billing runs issue their invoices, or leave drafts for review. */
    contractBillingMode: p.enum(['ISSUE', 'DRAFT'] as const).default('ISSUE'),
    /** Invoices issued by a contract billing run are then sent by e-mail. */
    contractBillingSend: p.boolean().default(true),
    /** Renewal notices go out by themselves (AUTO) or when someone sends them (MANUAL). */
    renewalNoticeMode: p.enum(['AUTO', 'MANUAL'] as const).default('AUTO'),
    /** How many days before the notice deadline a business customer is told. */
    renewalNoticeLeadDays: p.integer().default(30),
    /** Bulk invoicing makes one invoice per customer, per site or per contract of the work selected. */
    invoiceGrouping: p.enum(['CUSTOMER', 'SITE', 'CONTRACT'] as const).default('CUSTOMER'),
    /** The tenant's invoice mail subject and text, with placeholders; null: the default French ones. */
    invoiceMailSubject: p.text().nullable(),
    invoiceMailBody: p.text().nullable(),
    /** Where customers reach its public pages (quote links in mails), e.g. https://relais.example.fr; null: PUBLIC_URL. */
    publicUrl: p.text().nullable(),
    /** The customer portal's colour (#rrggbb, docs/portal.md). */
    portalPrimaryColor: p.string().default('#1c7ed6'),
    /** « Clôture automatique »: a job completed with the customer's signature and no reservation closes itself. */
    autoCloseInterventions: p.boolean().default(false),
    /** PNG or JPEG printed on its documents; without one they show its initials. */
    logoImage: p.type(BlobType).columnType('bytea').nullable().lazy(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Tenant = InstanceType<typeof Tenant.class>;
