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
    const { clientId, ...content } = input;
    if (!clientId) return create();
    const key = { actorId: actor.id, operation, clientId };
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`client_request:${actor.id}:${operation}:${clientId}`]);
    const requestHash = createHash('sha256').update(stableJson(content)).digest('hex');
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
}

const reused = () => conflict('This clientId was already used for a request with different content; use a new UUID for a new request', 'input.clientId');
