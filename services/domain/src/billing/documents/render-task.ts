import { DomainError, type ErrorCategory } from '../../shared/errors';
import type { InvoiceDocument } from './invoice-document';
import { renderDocumentPdf, renderInvoicePdf, type DocumentLook } from './invoice-pdf';
import { renderLetter, type Letter } from './letter-pdf';

/**
 * A PDF to render, as plain data a worker thread receives (structured clone): an invoice or credit
 * note (with its Factur-X XML, null for a draft preview), another document drawn with the invoice
 * layout (a quote), or a letter. `createdAt` is decided by the caller, so a render is reproducible.
 */
export type RenderTask =
  | { kind: 'invoice'; doc: InvoiceDocument; xml: string | null; createdAt: Date }
  | { kind: 'document'; doc: InvoiceDocument; look: DocumentLook; title: string; createdAt: Date }
  | { kind: 'letter'; letter: Letter; createdAt: Date };

/** What a worker answers: the PDF, or the error it raised as data (an Error loses its class and fields between threads). */
export type RenderOutcome =
  | { ok: true; pdf: Uint8Array }
  | { ok: false; error: { domain: true; code: string; category: ErrorCategory; message: string; details: Record<string, unknown> } }
  | { ok: false; error: { domain: false; message: string } };

/** Renders the task in this thread. */
export function renderTask(task: RenderTask): Promise<Uint8Array> {
  const { createdAt } = task;
  if (task.kind === 'invoice') return renderInvoicePdf(task.doc, task.xml, { createdAt });
  if (task.kind === 'document') return renderDocumentPdf(task.doc, task.look, { title: task.title, createdAt });
  return renderLetter(task.letter, { createdAt });
}

/** Renders the task and reports any failure as data. */
export async function renderTaskOutcome(task: RenderTask): Promise<RenderOutcome> {
  try {
    return { ok: true, pdf: await renderTask(task) };
  } catch (error) {
    if (error instanceof DomainError)
      return {
        ok: false,
        error: { domain: true, code: error.code, category: error.category, message: error.message, details: error.details },
      };
    return { ok: false, error: { domain: false, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** DOCUMENT_RENDER_FAILED: the renderer failed on this document (or its worker died); `reason` says how, for the logs. */
export const renderFailed = (reason: string) =>
  new DomainError('DOCUMENT_RENDER_FAILED', 'CONFLICT', 'Le document n’a pas pu être mis en page', { reason });

/** The error a failed outcome stands for: the renderer's own typed error, or DOCUMENT_RENDER_FAILED. */
export function outcomeError(error: Extract<RenderOutcome, { ok: false }>['error']): DomainError {
  return error.domain ? new DomainError(error.code, error.category, error.message, error.details) : renderFailed(error.message);
}
