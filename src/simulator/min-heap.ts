/** A binary min-heap: what comes first by `before` is at the top. */
export interface MinHeap<T> {
  readonly size: number;
  push(item: T): void;
  /** The first item, left in place. */
  peek(): T | undefined;
  /** Removes and returns the first item. */
  pop(): T | undefined;
  /** Keeps only the items `keep` accepts (linear: heapifies what remains). */
  retain(keep: (item: T) => boolean): void;
}

/** An empty heap ordered by `before(a, b)`: whether `a` comes out before `b`. */
export function createMinHeap<T>(before: (a: T, b: T) => boolean): MinHeap<T> {
  let items: T[] = [];

  function up(index: number): void {
    const item = items[index] as T;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent] as T)) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }

  function down(index: number): void {
    const item = items[index] as T;
    const half = items.length >> 1;
    let i = index;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < items.length && before(items[right] as T, items[child] as T)) child = right;
      if (!before(items[child] as T, item)) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = item;
  }

  return {
    get size() {
      return items.length;
    },
    push(item) {
      items.push(item);
      up(items.length - 1);
    },
    peek: () => items[0],
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        down(0);
      }
      return top;
    },
    retain(keep) {
      items = items.filter(keep);
      for (let i = (items.length >> 1) - 1; i >= 0; i--) down(i);
    },
  };
}
