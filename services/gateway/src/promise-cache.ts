import { LRUCache } from 'lru-cache';

/**
 * One answer per key, reused for `ttlMs` from when it was asked: the same promise to every caller meanwhile,
 * so concurrent requests ask once. A rejected answer is not kept (the next call asks again). At most `max`
 * keys are kept, the least recently used dropped first.
 */
export function promiseCache<T>(options: {
  ttlMs: number;
  max: number;
  now?: () => number;
}): (key: string, compute: () => Promise<T>) => Promise<T> {
  const now = options.now ?? (() => Date.now());
  const cache = new LRUCache<string, { until: number; value: Promise<T> }>({ max: options.max });
  return (key, compute) => {
    const at = now();
    const hit = cache.get(key);
    if (hit && hit.until > at) return hit.value;
    const value = compute();
    cache.set(key, { until: at + options.ttlMs, value });
    value.catch(() => cache.delete(key));
    return value;
  };
}
