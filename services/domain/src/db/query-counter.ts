import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogContext, Logger, LoggerNamespace, LoggerOptions } from '@mikro-orm/core';

/** SQL statements issued, per unit of work (request) and for the whole process. */
export interface QueryCount {
  queries: number;
}

const scope = new AsyncLocalStorage<QueryCount>();
export const processQueryCount: QueryCount = { queries: 0 };

/** Runs `fn` with its own counter, so tests and metrics can tell how many statements a request cost. */
export function countQueries<T>(counter: QueryCount, fn: () => T): T {
  return scope.run(counter, fn);
}

/** A MikroORM logger that counts statements instead of printing them; warnings and errors still go to the writer. */
export class QueryCountingLogger implements Logger {
  constructor(private readonly options: LoggerOptions) {}

  log(namespace: LoggerNamespace | string, message: string): void {
    if (namespace !== 'deprecated' && namespace !== 'slow-query') return;
    this.options.writer(`[${namespace}] ${message}`);
  }

  error(namespace: LoggerNamespace | string, message: string): void {
    this.options.writer(`[${namespace}] error: ${message}`);
  }

  warn(namespace: LoggerNamespace | string, message: string): void {
    this.options.writer(`[${namespace}] warning: ${message}`);
  }

  logQuery(_context: LogContext): void {
    processQueryCount.queries += 1;
    const counter = scope.getStore();
    if (counter) counter.queries += 1;
  }

  setDebugMode(): void {}

  isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query';
  }
}
