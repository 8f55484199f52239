import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { badInput, conflict } from '../errors/domain-error';

/** A status change as a user asks for it. */
export interface StatusChangeInput<S extends string> {
  status: S;
  changedOn: string;
  reason?: string | null;
}

/** The rules of one kind of dated status history: what it is called, its moves, and the statuses that need a reason. */
export interface StatusRules<S extends string> {
  /** With its article, for messages: "a time thief", "an obstacle". */
  what: string;
  transitions: Record<S, S[]>;
  needsReason: S[];
}

/**
 * Appends a change to a dated status history (time thieves, obstacles), after the rules every
 * such history follows: only the moves the rules allow (CONFLICT otherwise, naming them), a
 * reason where one is needed, and never dated before the previous change. `owner` names the
 * history's row (e.g. `{ obstacleId }`); the history table is append-only for the app's role.
 */
export async function appendStatusChange<S extends string, E extends ObjectLiteral>(
  em: EntityManager,
  history: EntityTarget<E>,
  owner: FindOptionsWhere<E> & Partial<E>,
  rules: StatusRules<S>,
  from: S,
  change: StatusChangeInput<S>,
  changedBy: string,
): Promise<void> {
  const reason = change.reason?.trim() || null;
  if (rules.needsReason.includes(change.status) && !reason) throw badInput('input.reason', `is required when ${rules.what} is ${change.status}`);
  const allowed = rules.transitions[from];
  if (!allowed.includes(change.status)) {
    throw conflict(`${cap(rules.what)} that is ${from} cannot become ${change.status}; it can become ${allowed.join(' or ') || 'nothing'}`, 'input.status');
  }
  const repo = em.getRepository(history);
  const [last] = await repo.find({ where: owner, order: { changedOn: 'DESC', recordedAt: 'DESC' } as never, take: 1 });
  if (last && change.changedOn < last.changedOn) throw badInput('input.changedOn', `must not be before the previous change (${last.changedOn})`);
  await repo.insert({ ...owner, status: change.status, reason, changedOn: change.changedOn, changedBy } as never);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
