import type { KyxWorkQueue, QueueItem } from './types.js';

interface Entry {
  fields: Record<string, string>;
  claims: number;
  /** When it is due (or, while leased, when the lease ends). */
  dueAt: number;
  lease?: string;
  /** Offered at once while leased: due at once when settled with a delay. */
  again?: boolean;
}

interface Queue {
  /** The pending items (at most `max` of an offer). */
  readonly pending: Map<string, Entry>;
  /** Items settled done, until when they are kept (swept every 1,000 settlements). */
  readonly done: Map<string, number>;
  settled: number;
}

/** The {@link KyxWorkQueue} of the memory store: one process, nothing in the background. */
export function memoryQueue(): KyxWorkQueue {
  const queues = new Map<string, Queue>();
  const of = (name: string): Queue => {
    let q = queues.get(name);
    if (q === undefined) {
      q = { pending: new Map(), done: new Map(), settled: 0 };
      queues.set(name, q);
    }
    return q;
  };
  function isDone(q: Queue, id: string, now: number): boolean {
    const until = q.done.get(id);
    if (until === undefined) return false;
    if (until > now) return true;
    q.done.delete(id);
    return false;
  }
  function sweep(q: Queue, now: number): void {
    if (++q.settled % 1000 !== 0) return;
    for (const [id, until] of q.done) if (until <= now) q.done.delete(id);
  }
  // a lease past its end is still held until another claim takes it (a new claim changes the token)
  const held = (e: Entry | undefined, token: string): e is Entry => e !== undefined && e.lease === token;

  return {
    async offer(name, id, update) {
      const q = of(name);
      const now = Date.now();
      if (isDone(q, id, now)) return 'done';
      let e = q.pending.get(id);
      if (e === undefined) {
        if (q.pending.size >= update.max) return 'full';
        e = { fields: {}, claims: 0, dueAt: now + update.delayMs };
        q.pending.set(id, e);
      } else if (e.lease !== undefined && e.dueAt > now) {
        if (update.delayMs <= 0) e.again = true;
      } else {
        e.dueAt = Math.min(e.dueAt, now + update.delayMs);
      }
      for (const [k, v] of Object.entries(update.fieldsIfAbsent ?? {})) if (!(k in e.fields)) e.fields[k] = v;
      Object.assign(e.fields, update.fields ?? {});
      return 'queued';
    },
    async claim(name, count, leaseMs) {
      const now = Date.now();
      const due: [string, Entry][] = [];
      for (const item of of(name).pending) if (item[1].dueAt <= now) due.push(item);
      due.sort((a, b) => a[1].dueAt - b[1].dueAt);
      return due.slice(0, count).map(([id, e]): QueueItem => {
        e.lease = globalThis.crypto.randomUUID();
        e.dueAt = now + leaseMs;
        e.again = false;
        e.claims++;
        return { id, token: e.lease, claims: e.claims, fields: { ...e.fields } };
      });
    },
    async renew(name, id, token, leaseMs) {
      const e = of(name).pending.get(id);
      if (!held(e, token)) return false;
      e.dueAt = Date.now() + leaseMs;
      return true;
    },
    async settle(name, id, token, how) {
      const q = of(name);
      const now = Date.now();
      const e = q.pending.get(id);
      if (!held(e, token)) return false;
      if ('drop' in how || 'done' in how) {
        q.pending.delete(id);
        if ('done' in how) q.done.set(id, now + how.keepMs);
        sweep(q, now);
      } else {
        Object.assign(e.fields, how.fields ?? {});
        e.dueAt = e.again ? now : now + how.delayMs;
        delete e.lease;
        e.again = false;
      }
      return true;
    },
    async nextDueMs(name) {
      let first = Number.POSITIVE_INFINITY;
      for (const e of of(name).pending.values()) first = Math.min(first, e.dueAt);
      return first === Number.POSITIVE_INFINITY ? undefined : Math.max(0, first - Date.now());
    },
    async size(name) {
      return of(name).pending.size;
    },
  };
}
