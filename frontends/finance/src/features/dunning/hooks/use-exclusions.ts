import { useMemo, useState } from 'react';

export interface InvoiceExclusions {
  /** Invoices left out of the run, in the order excluded. */
  ids: readonly string[];
  has: (invoiceId: string) => boolean;
  toggle: (invoiceId: string) => void;
  /** Excludes (or puts back) several invoices at once: a customer's lines. */
  set: (invoiceIds: readonly string[], excluded: boolean) => void;
  clear: () => void;
}

/**
 * The invoices the clerk leaves out of today's run. Only those still in the preview count: an
 * invoice put in dispute or paid meanwhile drops out of the list, and out of the exclusions.
 */
export function useExclusions(inPreview: readonly string[]): InvoiceExclusions {
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  return useMemo(() => {
    const present = new Set(inPreview);
    const ids = [...excluded].filter((id) => present.has(id));
    const update = (change: (next: Set<string>) => void) =>
      setExcluded((current) => {
        const next = new Set(current);
        change(next);
        return next;
      });
    return {
      ids,
      has: (invoiceId) => excluded.has(invoiceId) && present.has(invoiceId),
      toggle: (invoiceId) =>
        update((next) => {
          if (!next.delete(invoiceId)) next.add(invoiceId);
        }),
      set: (invoiceIds, exclude) =>
        update((next) => {
          for (const id of invoiceIds) {
            if (exclude) next.add(id);
            else next.delete(id);
          }
        }),
      clear: () => setExcluded(new Set()),
    };
  }, [excluded, inPreview]);
}
