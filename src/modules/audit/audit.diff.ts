import type { FieldChanges } from './audit.entity';

const HIDDEN = '[hidden]';
/** Never copied into the trail: the fact that they changed is recorded, not their value. */
const SECRET_FIELDS = new Set(['passwordHash']);
/** Bookkeeping the trail has already (its own timestamp) or that is the record's identity. */
const SKIPPED_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

const plain = (v: unknown): unknown => {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
};

const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

/** A loaded relation (an entity instance): left out, its foreign key is a column of its own. */
const isRelation = (v: unknown) =>
  v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype;

/**
 * The fields that differ between two versions of a record (null before: created; null after:
 * deleted). Plain objects (e.g. a snapshot's `codes`) are compared as JSON.
 */
export function diffRecords(before: object | null, after: object | null): FieldChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIPPED_FIELDS.has(key)) continue;
    const [vb, va] = [b[key], a[key]];
    if (isRelation(vb) || isRelation(va)) continue;
    if (before && after && same(vb, va)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: before ? HIDDEN : null, after: after ? HIDDEN : null }
      : { before: before ? plain(vb) : null, after: after ? plain(va) : null };
  }
  return changes;
}
