import { useState } from 'react';

/** Runs a user action, keeping its failure to show next to the button (cleared on retry). */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught);
      return undefined;
    }
  };
  return { error, run, clear: () => setError(null) };
}
