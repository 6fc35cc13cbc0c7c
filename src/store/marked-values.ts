// Values read under a change mark (Store.changeMark): each stands for as long as the mark holds,
// since nothing has committed anywhere in the meantime.

/** Values by key, each with the mark it was read under; bounded by forgetting all at once when full. */
export class MarkedValues<T> {
  readonly #entries = new Map<string, { mark: number; value: T }>();
  constructor(readonly max: number) {}

  /** The value kept for `key`, if it was read under `mark`; never one when there is no mark. */
  get(key: string, mark: number | undefined): T | undefined {
    const entry = mark === undefined ? undefined : this.#entries.get(key);
    return entry && entry.mark === mark ? entry.value : undefined;
  }

  /** Keeps `value` as read under `mark` (taken before the read); nothing is kept without a mark. */
  set(key: string, mark: number | undefined, value: T): void {
    if (mark === undefined) return;
    if (this.#entries.size >= this.max) this.#entries.clear(); // rare: more live keys than max
    this.#entries.set(key, { mark, value });
  }
}
