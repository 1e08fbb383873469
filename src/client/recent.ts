/**
 * The most recent `limit` distinct values, oldest first: adding one past the limit drops the
 * oldest, and adding a value again makes it the newest. The client keeps the tokens it has seen
 * in these (for scrubbing) so that a long-lived client does not remember every one of them.
 */
export class RecentSet {
  readonly #limit: number;
  readonly #values = new Set<string>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(value: string): void {
    this.#values.delete(value);
    this.#values.add(value);
    if (this.#values.size > this.#limit) {
      const oldest = this.#values.values().next();
      if (!oldest.done) this.#values.delete(oldest.value);
    }
  }

  values(): string[] {
    return [...this.#values];
  }
}
