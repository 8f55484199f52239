import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { conflict, notFound } from '../../common/errors/domain-error';
import { stableJson } from '../../common/json/stable-json';
import { ClientRequestEntity } from './client-request.entity';

/** An input a client may retry: it carries the client's own id for the request. */
export interface Retryable {
  clientId?: string | null;
}

/**
 * Makes create mutations safe to retry. Inside the transaction that creates, `once` runs `create`
 * the first time a user sends an operation with a `clientId`; a retry with the same content gets
 * the record the first call created (as it is now), and the same clientId with other content is
 * CONFLICT. Concurrent retries queue on a transaction-scoped advisory lock, so one creates and
 * the others find its row once it commits; a failed call leaves no key behind.
 */
@Injectable()
export class ClientRequests {
  async once<T extends { id: string }>(
    em: EntityManager,
    actor: AuthUser,
    operation: string,
    input: Retryable,
    create: () => Promise<T>,
    load: (id: string) => Promise<T | null>,
  ): Promise<T> {
    const { clientId } = input;
    if (!clientId) return create();
    const key = { actorId: actor.id, operation, clientId };
    await this.lock(em, actor, operation, [clientId]);
    const requestHash = hashOf(input);
    const earlier = await em.getRepository(ClientRequestEntity).findOneBy(key);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw reused();
      const first = await load(earlier.entityId);
      if (!first) throw notFound(`The record first created with clientId ${clientId}`);
      return first;
    }
    const created = await create();
    await em.getRepository(ClientRequestEntity).insert({ ...key, requestHash, entityId: created.id });
    return created;
  }

  /**
   * For a batch of creates: takes every clientId's lock (sorted, before any other lock of the
   * batch, as `once` does), then tells, per input, the record an earlier request with its
   * clientId created — null for a new one or one without a clientId. An input whose clientId was
   * used with other content is reported by its place.
   */
  async earlier(em: EntityManager, actor: AuthUser, operation: string, inputs: Retryable[]): Promise<{ ids: (string | null)[]; reusedAt: number | null }> {
    const clientIds = [...new Set(inputs.map((i) => i.clientId).filter((c): c is string => !!c))];
    if (!clientIds.length) return { ids: inputs.map(() => null), reusedAt: null };
    await this.lock(em, actor, operation, clientIds.sort());
    const rows: { client_id: string; request_hash: string; entity_id: string }[] = await em.query(
      `SELECT client_id, request_hash, entity_id FROM client_request WHERE actor_id = $1 AND operation = $2 AND client_id = ANY ($3::uuid[])`,
      [actor.id, operation, clientIds],
    );
    const seen = new Map(rows.map((r) => [r.client_id, r]));
    const reusedAt = inputs.findIndex((i) => i.clientId && seen.has(i.clientId) && seen.get(i.clientId)!.request_hash !== hashOf(i));
    return { ids: inputs.map((i) => (i.clientId ? (seen.get(i.clientId)?.entity_id ?? null) : null)), reusedAt: reusedAt < 0 ? null : reusedAt };
  }

  /** Records the new creates of a batch (those with a clientId), so that their retries find them. */
  async rememberAll(em: EntityManager, actor: AuthUser, operation: string, created: { input: Retryable; entityId: string }[]): Promise<void> {
    const rows = created.filter((c) => c.input.clientId);
    if (!rows.length) return;
    await em.query(
      `INSERT INTO client_request (actor_id, operation, client_id, request_hash, entity_id)
       SELECT $1, $2, c, h, e FROM unnest($3::uuid[], $4::text[], $5::uuid[]) AS x(c, h, e)`,
      [actor.id, operation, rows.map((r) => r.input.clientId), rows.map((r) => hashOf(r.input)), rows.map((r) => r.entityId)],
    );
  }

  private async lock(em: EntityManager, actor: AuthUser, operation: string, clientIds: string[]): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS x(k, n) ORDER BY n', [
      clientIds.map((c) => `client_request:${actor.id}:${operation}:${c}`),
    ]);
  }
}

/** What a retry must repeat: the request's content without its clientId. */
function hashOf(input: Retryable): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- everything but the clientId
  const { clientId, ...content } = input;
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

export const reused = () => conflict('This clientId was already used for a request with different content; use a new UUID for a new request', 'input.clientId');
