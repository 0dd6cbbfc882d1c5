import { useMemo, useState } from 'react';

/**
 * A line the clerk left out of the run, remembered with what names it: once every line of a
 * period is excluded the preview lists the period as postponed, without its lines, and a contract
 * with nothing left to bill leaves the preview; this is what still shows them, to restore them.
 */
export interface ExcludedLine {
  id: string;
  contractId: string;
  reference: string;
  label: string;
  start: string;
  end: string;
}

export interface LineExclusions {
  /** What the preview and the run are asked to leave out, in the order excluded. */
  ids: readonly string[];
  lines: readonly ExcludedLine[];
  has: (lineId: string) => boolean;
  toggle: (line: ExcludedLine) => void;
  restore: (lineId: string) => void;
  /** Restores every line of a postponed period of a contract. */
  restorePeriod: (contractId: string, start: string) => void;
  clear: () => void;
}

export function useLineExclusions(): LineExclusions {
  const [excluded, setExcluded] = useState<ReadonlyMap<string, ExcludedLine>>(new Map());
  return useMemo(() => {
    const update = (change: (next: Map<string, ExcludedLine>) => void) =>
      setExcluded((current) => {
        const next = new Map(current);
        change(next);
        return next;
      });
    return {
      ids: [...excluded.keys()],
      lines: [...excluded.values()],
      has: (lineId) => excluded.has(lineId),
      toggle: (line) =>
        update((next) => {
          if (!next.delete(line.id)) next.set(line.id, line);
        }),
      restore: (lineId) => update((next) => next.delete(lineId)),
      restorePeriod: (contractId, start) =>
        update((next) => {
          for (const line of [...next.values()]) if (line.contractId === contractId && line.start === start) next.delete(line.id);
        }),
      clear: () => setExcluded(new Map()),
    };
  }, [excluded]);
}
