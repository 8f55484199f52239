import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { BenchContext } from '../scenarios';
import type { LoadBalancer } from './load-balancer';
import { login } from './gql';
import { mixedLoad, removeObservations } from './mixed';
import type { ServerProcess } from './processes';

/** A GraphQL request whose answer is returned whatever it holds (errors included). */
async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked below
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

/**
 * The login limit per account holds across instances: wrong passwords for one account, sent
 * through the load balancer (so to every instance in turn), are refused with TOO_MANY_REQUESTS
 * after exactly `limit` attempts, not `limit` per instance.
 */
export async function loginLimitAcross(lb: LoadBalancer, limit: number) {
  const email = `nobody-${randomUUID().slice(0, 8)}@bench.tillit.invalid`;
  const codes: string[] = [];
  for (let i = 0; i < limit + 5; i++) {
    const { body } = await post(lb.url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password: 'fel lösenord' } });
    codes.push(body.errors?.[0]?.extensions?.code ?? 'OK');
  }
  const answered = lb.answeredBy();
  const refusedFrom = codes.indexOf('TOO_MANY_REQUESTS');
  return {
    limit,
    attempts: codes.length,
    refusedFrom,
    instancesAsked: answered.size,
    holds: refusedFrom === limit && codes.slice(limit).every((c) => c === 'TOO_MANY_REQUESTS'),
  };
}

/**
 * Idempotency across instances: the same observation (same clientId) sent at the same moment
 * to two different instances, `pairs` times. Every pair must answer with one id, and the
 * database must hold exactly one observation per clientId.
 */
export async function retriesAcross(apis: ServerProcess[], pg: Client, pairs: number) {
  const [team] = (
    await pg.query(`SELECT u.email, pr.pilot_id, p.starts_on::text AS starts_on, pp.organisation_id
                      FROM pilot_researcher pr JOIN app_user u ON u.id = pr.user_id JOIN pilot p ON p.id = pr.pilot_id
                      JOIN pilot_participant pp ON pp.pilot_id = pr.pilot_id ORDER BY u.email LIMIT 1`)
  ).rows;
  const token = await login(apis[0].url, team.email);
  const tag = `retry-${randomUUID().slice(0, 8)}`;
  let sameAnswer = 0;
  for (let k = 0; k < pairs; k++) {
    const input = {
      clientId: randomUUID(),
      pilotId: team.pilot_id,
      organisationId: team.organisation_id,
      level: 'FRONT_LINE',
      occurredOn: team.starts_on,
      kind: 'FIELD_VISIT',
      title: `${tag} ${k}`,
      text: 'Samma anteckning, skickad till två instanser samtidigt.',
    };
    const answers = await Promise.all(
      apis.slice(0, 2).map((api) => post(api.url, 'mutation($i: LogObservationInput!) { logObservation(input: $i) { id } }', { i: input }, token)),
    );
    const ids = answers.map((a) => a.body.data?.logObservation?.id);
    if (ids[0] && ids[0] === ids[1]) sameAnswer++;
  }
  const [stored] = (
    await pg.query(`SELECT count(*)::int AS rows, count(DISTINCT client_id)::int AS requests FROM observation WHERE title LIKE $1`, [`${tag} %`])
  ).rows;
  await removeObservations(pg, tag);
  return {
    pairs,
    sameAnswer,
    stored: stored.rows,
    distinct: stored.requests,
    holds: sameAnswer === pairs && stored.rows === pairs && stored.requests === pairs,
  };
}

/**
 * Scenario 6: the mixed load against one API process directly, then against all of them behind
 * the load balancer; requests answered per instance from the balancer's log.
 */
export async function mixedAcross(apis: ServerProcess[], lb: LoadBalancer, pg: Client, ctx: BenchContext, seconds: number) {
  const one = await mixedLoad(apis[0].url, pg, await login(apis[0].url, 'admin@bench.tillit.invalid'), ctx, seconds);
  lb.answeredBy();
  const many = await mixedLoad(lb.url, pg, await login(lb.url, 'admin@bench.tillit.invalid'), ctx, seconds);
  const answered = Object.fromEntries([...lb.answeredBy()].map(([upstream, n]) => [upstream, { requests: n, perSecond: n / seconds }]));
  return { one, many, answered };
}
