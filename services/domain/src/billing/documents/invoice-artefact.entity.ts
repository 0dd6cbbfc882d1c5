import { BlobType, defineEntity, p } from '@mikro-orm/core';

export const INVOICE_ARTEFACT_KINDS = ['PDF', 'XML'] as const;
export type InvoiceArtefactKind = (typeof INVOICE_ARTEFACT_KINDS)[number];

/** The exact bytes sent for an issued invoice (Factur-X PDF, CII XML), stored once and never changed. */
export const InvoiceArtefact = defineEntity({
  name: 'InvoiceArtefact',
  tableName: 'invoice_artefacts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    kind: p.enum(INVOICE_ARTEFACT_KINDS),
    content: p.type(BlobType).columnType('bytea').lazy(),
    sha256: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type InvoiceArtefact = InstanceType<typeof InvoiceArtefact.class>;
