import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../invoice.entity';
import { Errors } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { renderCiiXml } from './cii-xml';
import { loadInvoiceDocument } from './invoice-document';
import { renderInvoicePdfInPool } from './render-pool';

/**
 * The legal artefacts of an issued invoice: its Factur-X PDF and CII XML are rendered once, on
 * first request (the PDF on a render thread, see `render-pool.ts`), and stored with their SHA-256; every later request gets the stored bytes, so what
 * was sent is what is archived, whatever changes in the renderer or the tenant's settings later.
 */

export interface InvoiceArtefacts {
  pdf: Uint8Array;
  xml: string;
  sha256: { pdf: string; xml: string };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function storedArtefacts(em: EntityManager, invoiceId: string): Promise<InvoiceArtefacts | null> {
  const rows = await em.execute<{ kind: 'PDF' | 'XML'; content: Buffer; sha256: string }[]>(
    'select kind, content, sha256 from invoice_artefacts where invoice_id = ?',
    [invoiceId],
  );
  const pdf = rows.find((r) => r.kind === 'PDF');
  const xml = rows.find((r) => r.kind === 'XML');
  if (!pdf || !xml) return null;
  return { pdf: new Uint8Array(pdf.content), xml: xml.content.toString('utf8'), sha256: { pdf: pdf.sha256, xml: xml.sha256 } };
}

async function issuedInvoice(em: EntityManager, invoiceId: string): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status !== 'ISSUED')
    throw Errors.conflict('INVOICE_NOT_ISSUED', 'Une facture brouillon n’a pas de Factur-X : émettez-la d’abord', { invoiceId });
  return invoice;
}

/**
 * The stored PDF and XML of an issued invoice, rendering and storing them on first call, in the
 * caller's transaction. Two first calls at once both render; the first to commit wins and the
 * other returns the winner's bytes (the invoice's lock, then the unique key, wait for it).
 * INVOICE_NOT_ISSUED for a draft.
 */
export async function ensureInvoiceArtefacts(em: EntityManager, invoiceId: string): Promise<InvoiceArtefacts> {
  const invoice = await issuedInvoice(em, invoiceId);
  const stored = await storedArtefacts(em, invoiceId);
  if (stored) return stored;
  const doc = await loadInvoiceDocument(em, invoiceId);
  const xml = renderCiiXml(doc);
  const pdf = await renderInvoicePdfInPool(doc, xml);
  const xmlBytes = Buffer.from(xml, 'utf8');
  // The invoice before the artefacts' keys, as a send (which holds the invoice, then stores them) takes them: a
  // first download meeting a send in flight waits for it here, instead of holding a key the send then waits for.
  await em.execute('select 1 from invoices where id = ? for key share', [invoiceId]);
  for (const [kind, content] of [
    ['XML', xmlBytes],
    ['PDF', Buffer.from(pdf)],
  ] as const) {
    await em.execute(
      `insert into invoice_artefacts (tenant_id, id, invoice_id, kind, content, sha256)
       values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, invoice_id, kind) do nothing`,
      [invoice.tenantId, newId(), invoiceId, kind, content, sha256(content)],
    );
  }
  const result = await storedArtefacts(em, invoiceId);
  if (!result) throw new Error(`artefacts of invoice ${invoiceId} missing right after their insert`);
  return result;
}

/** A draft's preview PDF (watermarked, no number, no XML), never stored. An issued invoice gets its stored PDF. */
export async function renderInvoicePreview(em: EntityManager, invoiceId: string): Promise<Uint8Array> {
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status === 'ISSUED') return (await ensureInvoiceArtefacts(em, invoiceId)).pdf;
  return renderInvoicePdfInPool(await loadInvoiceDocument(em, invoiceId), null);
}
