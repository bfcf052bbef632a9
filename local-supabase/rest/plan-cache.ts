// A small LRU of planned reads: the same GET (path, query string and the headers that shape
// it) always parses, plans and builds to the same statement, so repeat reads skip straight to
// the transaction. Emptied whenever the schema cache reloads.
import type { IncomingMessage } from 'node:http';
import type { ApiRequest } from './request';
import type { Plan } from './plan';
import type { Statement } from './query';

export type Planned = { request: ApiRequest; plan: Plan; statement: Statement };

const SHAPING_HEADERS = ['accept', 'accept-profile', 'prefer', 'range', 'range-unit'] as const;

export class PlanCache {
  private readonly entries = new Map<string, Planned>();
  constructor(private readonly capacity = 500) {}

  /** Only reads are cached: writes carry bodies and are planned afresh. */
  key(req: IncomingMessage, url: URL): string | undefined {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    let key = req.method + ' ' + url.pathname + url.search;
    for (const h of SHAPING_HEADERS) {
      const v = req.headers[h];
      if (v !== undefined) key += '\n' + h + ':' + (Array.isArray(v) ? v.join(', ') : v);
    }
    return key;
  }

  get(key: string): Planned | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Planned): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
