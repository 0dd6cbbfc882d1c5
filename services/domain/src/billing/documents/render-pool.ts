import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { InvoiceDocument } from './invoice-document';
import type { DocumentLook, RenderTime } from './invoice-pdf';
import type { Letter } from './letter-pdf';
import { outcomeError, renderFailed, type RenderOutcome, type RenderTask } from './render-task';

/**
 * PDFs are laid out and compressed synchronously (pdfkit): ~13 ms of CPU for a 10-line invoice,
 * during which a request's event loop would serve nothing else. So the services render in a pool
 * of worker threads (piscina) and the request awaits the result.
 *
 * - Threads: RENDER_THREADS (≥ 1), by default the available cores minus one (at least 1), so
 *   renders never take every core from the event loops. A thread starts on the first render and
 *   stops after IDLE_MS without work (~60 MB more resident while it lives, its fonts included).
 * - Worker entry: bundled services get `dist/render-worker.mjs` beside their `main.mjs` (the
 *   build defines RENDER_WORKER); run from sources (tsx, vitest), the pool runs
 *   `render-worker.ts` with tsx's loader.
 */

const IDLE_MS = 60_000;
/**
 * A worker's young generation, as the services cap theirs (`--max-semi-space-size=16`, see
 * scripts/build-services.ts), which threads do not inherit: V8 would size it for a machine with a
 * lot of memory and keep ~100 MB more resident per thread.
 */
const YOUNG_GENERATION_MB = 48;

/** The threads of the pool: RENDER_THREADS, or the available cores minus one (at least 1). */
export function renderThreadCount(): number {
  const configured = process.env.RENDER_THREADS;
  if (configured === undefined || configured === '') return Math.max(1, availableParallelism() - 1);
  const value = Number(configured);
  if (!Number.isInteger(value) || value < 1) throw new Error(`RENDER_THREADS must be a whole number ≥ 1 (got "${configured}")`);
  return value;
}

/** The worker's file, and its Node options when the inherited ones (the default) would not load it. */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const bundled = process.env.RENDER_WORKER;
  if (bundled) return { filename: pathToFileURL(bundled).href };
  const filename = new URL('./render-worker.ts', import.meta.url).href;
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return { filename };
  return { filename, execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] };
}

let pool: Piscina<RenderTask, RenderOutcome> | null = null;

function renderPool(): Piscina<RenderTask, RenderOutcome> {
  if (!pool) {
    const maxThreads = renderThreadCount();
    pool = new Piscina({
      ...workerEntry(),
      minThreads: 0,
      maxThreads,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }
  return pool;
}

/** Renders the task on a worker thread; the renderer's typed errors come back as they were, anything else as DOCUMENT_RENDER_FAILED. */
export async function renderInPool(task: RenderTask): Promise<Uint8Array> {
  let outcome: RenderOutcome;
  try {
    outcome = await renderPool().run(task);
  } catch (error) {
    // The worker died or could not start: piscina replaces it for the next task.
    throw renderFailed(error instanceof Error ? error.message : String(error));
  }
  if (!outcome.ok) throw outcomeError(outcome.error);
  return outcome.pdf;
}

/** `renderInvoicePdf` on a worker thread. */
export function renderInvoicePdfInPool(doc: InvoiceDocument, xml: string | null, { createdAt = new Date() }: RenderTime = {}) {
  return renderInPool({ kind: 'invoice', doc, xml, createdAt });
}

/** `renderDocumentPdf` (a quote) on a worker thread. */
export function renderDocumentPdfInPool(
  doc: InvoiceDocument,
  look: DocumentLook,
  { title, createdAt = new Date() }: { title: string } & RenderTime,
) {
  return renderInPool({ kind: 'document', doc, look, title, createdAt });
}

/** `renderLetter` (renewal notice, formal notice) on a worker thread. */
export function renderLetterInPool(letter: Letter, { createdAt = new Date() }: RenderTime = {}) {
  return renderInPool({ kind: 'letter', letter, createdAt });
}

/** Stops the render threads (tests, benchmarks); the next render starts the pool again. Idle threads never keep a process alive. */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
