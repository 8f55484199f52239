/** Collects positional parameters ($1, $2, ...) while raw SQL is assembled. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with an optional cast (e.g. '::uuid'). */
  add(v: unknown, cast = ''): string {
    this.values.push(v);
    return `$${this.values.length}${cast}`;
  }
}
