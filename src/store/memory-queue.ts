import type { KyxWorkQueue, QueueItem } from './types.js';

interface Entry {
  fields: Record<string, string>;
  claims?: number;
  /** When it is due (or, while leased, when the lease ends). */
  dueAt: number;
  lease?: string;
  /** Offered at once while leased: due at once when settled with a delay. */
  again?: boolean;
  /** Settled done: kept until this time, never due. */
  doneUntil?: number;
}

/** The {@link KyxWorkQueue} of the memory store: one process, nothing in the background. */
export function memoryQueue(): KyxWorkQueue {
  const queues = new Map<string, Map<string, Entry>>();
  const of = (name: string) => {
    let q = queues.get(name);
    if (q === undefined) {
      q = new Map();
      queues.set(name, q);
    }
    return q;
  };
  /** The entry of `id`, with an expired done marker dropped. */
  function entry(q: Map<string, Entry>, id: string, now: number): Entry | undefined {
    const e = q.get(id);
    if (e?.doneUntil !== undefined && e.doneUntil <= now) {
      q.delete(id);
      return undefined;
    }
    return e;
  }
  const pending = (q: Map<string, Entry>) => {
    let n = 0;
    for (const e of q.values()) if (e.doneUntil === undefined) n++;
    return n;
  };
  // a lease past its end is still held until another claim takes it (a new claim changes the token)
  const held = (e: Entry | undefined, token: string): e is Entry => e !== undefined && e.lease === token;

  return {
    async offer(name, id, update) {
      const q = of(name);
      const now = Date.now();
      let e = entry(q, id, now);
      if (e?.doneUntil !== undefined) return 'done';
      if (e === undefined) {
        if (pending(q) >= update.max) return 'full';
        e = { fields: {}, dueAt: now + update.delayMs };
        q.set(id, e);
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
      const q = of(name);
      const now = Date.now();
      const due = [...q.entries()]
        .filter(([, e]) => e.doneUntil === undefined && e.dueAt <= now)
        .sort((a, b) => a[1].dueAt - b[1].dueAt)
        .slice(0, count);
      return due.map(([id, e]): QueueItem => {
        e.lease = globalThis.crypto.randomUUID();
        e.dueAt = now + leaseMs;
        e.again = false;
        e.claims = (e.claims ?? 0) + 1;
        return { id, token: e.lease, claims: e.claims, fields: { ...e.fields } };
      });
    },
    async renew(name, id, token, leaseMs) {
      const now = Date.now();
      const e = entry(of(name), id, now);
      if (!held(e, token)) return false;
      e.dueAt = now + leaseMs;
      return true;
    },
    async settle(name, id, token, how) {
      const q = of(name);
      const now = Date.now();
      const e = entry(q, id, now);
      if (!held(e, token)) return false;
      if ('drop' in how) q.delete(id);
      else if ('done' in how) q.set(id, { fields: {}, dueAt: Number.POSITIVE_INFINITY, doneUntil: now + how.keepMs });
      else {
        Object.assign(e.fields, how.fields ?? {});
        e.dueAt = e.again ? now : now + how.delayMs;
        delete e.lease;
        e.again = false;
      }
      return true;
    },
    async nextDueMs(name) {
      const now = Date.now();
      let first = Number.POSITIVE_INFINITY;
      for (const e of of(name).values()) if (e.doneUntil === undefined) first = Math.min(first, e.dueAt);
      return first === Number.POSITIVE_INFINITY ? undefined : Math.max(0, first - now);
    },
    async size(name) {
      return pending(of(name));
    },
  };
}
