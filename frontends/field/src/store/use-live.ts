import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** The result of a Dexie query, kept current as the tables change (undefined while the first read runs). */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error: unknown) => console.error(error) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
