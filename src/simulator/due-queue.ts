import { match } from 'ts-pattern';
import { createMinHeap } from './min-heap.js';
import type { SimulatedExecution } from './state.js';

/** Where an execution moves by itself, and when. */
export interface Transition {
  readonly at: number;
  readonly to: 'PROCESSED' | 'TOKEN_EXPIRED';
}

/** Where an execution moves by itself, and when: its processing ends, or its token lifetime does. */
export function transitionOf(e: SimulatedExecution): Transition | undefined {
  return match(e.status)
    .returnType<Transition | undefined>()
    .with('INITIATED', () => ({ at: e.expiresAt, to: 'TOKEN_EXPIRED' }))
    .with('ACQUIRED', () => (e.processAt === undefined ? undefined : { at: e.processAt, to: 'PROCESSED' }))
    .with('PROCESSED', 'TOKEN_EXPIRED', () => undefined)
    .exhaustive();
}

/**
 * The executions by the time of their next transition, so moving them on to the clock's time
 * costs what is due, not what is held. An entry is queued whenever an execution's transition
 * changes ({@link DueQueue.enqueue}); one whose execution has moved on or was deleted since is
 * stale and skipped when it comes up (and swept when stale entries outnumber the live ones).
 */
export interface DueQueue {
  /** Queues the execution's next transition, if it has one. */
  enqueue(execution: SimulatedExecution): void;
  /** Takes every execution whose transition is due at `t`, in creation order. */
  takeDue(t: number): SimulatedExecution[];
  /** When the next transition is due, if any. */
  nextAt(): number | undefined;
}

interface Entry extends Transition {
  readonly execution: SimulatedExecution;
}

/**
 * An empty queue. `held(e)` tells whether the tenant still holds an execution; `count()` how many
 * it holds.
 */
export function createDueQueue(held: (e: SimulatedExecution) => boolean, count: () => number): DueQueue {
  // by time, then by creation, so the order of executions due together never depends on the heap
  const heap = createMinHeap<Entry>(
    (a, b) => a.at < b.at || (a.at === b.at && a.execution.ordinal < b.execution.ordinal),
  );
  const current = (entry: Entry): boolean => {
    if (!held(entry.execution)) return false;
    const next = transitionOf(entry.execution);
    return next !== undefined && next.at === entry.at && next.to === entry.to;
  };
  /** Drops stale entries from the top; the first current one. */
  const top = (): Entry | undefined => {
    let entry = heap.peek();
    while (entry !== undefined && !current(entry)) {
      heap.pop();
      entry = heap.peek();
    }
    return entry;
  };
  return {
    enqueue(execution) {
      const next = transitionOf(execution);
      if (next === undefined) return;
      heap.push({ ...next, execution });
      // each execution has at most one current entry: the rest are stale
      if (heap.size > 2 * count() + 64) heap.retain(current);
    },
    takeDue(t) {
      const due: SimulatedExecution[] = [];
      for (let entry = top(); entry !== undefined && entry.at <= t; entry = top()) {
        heap.pop();
        due.push(entry.execution);
      }
      return due.sort((a, b) => a.ordinal - b.ordinal);
    },
    nextAt: () => top()?.at,
  };
}
