import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { login } from './gql';
import { ANALYTICS_LOAD, BenchContext } from '../scenarios';

interface Stream {
  name: string;
  connections: number;
  body: () => string;
  headers: Record<string, string>;
}

interface StreamResult {
  requests: number;
  ok: number;
  graphqlErrors: number;
  httpErrors: number;
  /** The first few failed answers, to say why. */
  errorSamples: string[];
  p50: number;
  p99: number;
}

const pct = (s: number[], p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0);

/** One autocannon instance for a stream of requests; a 200 with GraphQL errors counts as an error. */
function run(url: string, s: Stream, seconds: number): Promise<StreamResult> {
  const latencies: number[] = [];
  let ok = 0;
  let graphqlErrors = 0;
  const errorSamples: string[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: s.connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...s.headers },
        requests: [
          {
            method: 'POST',
            setupRequest: (req: autocannon.Request) => ({ ...req, body: s.body() }),
            onResponse: (status: number, body: string) => {
              if (status === 200 && !body.includes('"errors"')) ok++;
              else if (status === 200) {
                graphqlErrors++;
                if (errorSamples.length < 3) errorSamples.push(body.slice(0, 300));
              } else if (errorSamples.length < 3) errorSamples.push(`HTTP ${status}: ${body.slice(0, 200)}`);
            },
          },
        ],
      },
      (err, res) =>
        err
          ? reject(err)
          : resolve({
              requests: latencies.length,
              ok,
              graphqlErrors,
              httpErrors: res.errors + res.timeouts + res.non2xx,
              errorSamples,
              p50: pct(
                latencies.sort((a, b) => a - b),
                50,
              ),
              p99: pct(latencies, 99),
            }),
    );
    instance.on('response', (_c, _s, _b, t) => latencies.push(t));
  });
}

/**
 * Every acknowledged write is stored, once. A request still in flight when the load stops may be
 * stored without its answer being counted, so up to one extra write per connection is allowed.
 */
export function mixedLoadConsistent(
  c: { observationsAcknowledged: number; observationsStored: number; observationDuplicates: number; burdenAcknowledged: number; burdenStored: number },
  writerConnections: number,
  burdenConnections: number,
): boolean {
  const within = (stored: number, acked: number, inFlight: number) => stored >= acked && stored <= acked + inFlight;
  return (
    c.observationDuplicates === 0 &&
    within(c.observationsStored, c.observationsAcknowledged, writerConnections) &&
    within(c.burdenStored, c.burdenAcknowledged, burdenConnections)
  );
}

/**
 * Scenario 5: 20 researchers log observations while 10 analysts run analytics and 5 reporters
 * submit burden, all at once. Afterwards the database must hold exactly the writes that were
 * acknowledged: no duplicates, nothing lost.
 */
export async function mixedLoad(url: string, pg: Client, adminToken: string, ctx: BenchContext, seconds: number) {
  // Researchers with a pilot they follow and its organisations.
  const teams: { email: string; pilot_id: string; starts_on: string; org_ids: string[] }[] = (
    await pg.query(`SELECT u.email, pr.pilot_id, p.starts_on::text AS starts_on, array_agg(pp.organisation_id) AS org_ids
                      FROM pilot_researcher pr JOIN app_user u ON u.id = pr.user_id JOIN pilot p ON p.id = pr.pilot_id
                      JOIN pilot_participant pp ON pp.pilot_id = pr.pilot_id
                     GROUP BY u.email, pr.pilot_id, p.starts_on ORDER BY u.email, pr.pilot_id LIMIT 20`)
  ).rows;
  const researchers = await Promise.all(teams.map(async (t) => ({ ...t, token: await login(url, t.email) })));
  const analyst = await login(url, 'analyst@bench.tillit.invalid');
  // Burden for months no generated report covers — after the data up to last month, then the
  // year before it (indicators in force then) — so every submission is a new, plausible report.
  const targets: { indicator_id: string; organisation_id: string }[] = (
    await pg.query(
      `SELECT i.id AS indicator_id, t.organisation_id FROM indicator i JOIN steering_instrument_target t ON t.instrument_id = i.instrument_id
        WHERE i.introduced_on <= $1::date - interval '12 months' ORDER BY i.id, t.organisation_id LIMIT 2000`,
      [ctx.from],
    )
  ).rows;
  const months = freeMonths(ctx.from, ctx.to);
  const tag = `mixed-${randomUUID().slice(0, 8)}`;
  const before = (await pg.query(`SELECT (SELECT count(*) FROM burden_report)::int AS burden`)).rows[0];
  let b = 0;
  let a = 0;
  const month = (k: number) => months[k % months.length];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  // One stream (one connection) per researcher, with their own token and pilot.
  const streams: Stream[] = researchers.map((t, n) => {
    let k = 0;
    return {
      name: `researcher ${n + 1}`,
      connections: 1,
      headers: { authorization: `Bearer ${t.token}` },
      body: () =>
        JSON.stringify({
          query: 'mutation($i: LogObservationInput!) { logObservation(input: $i) { id } }',
          variables: {
            i: {
              clientId: randomUUID(),
              pilotId: t.pilot_id,
              organisationId: t.org_ids[k++ % t.org_ids.length],
              level: 'FRONT_LINE',
              occurredOn: t.starts_on,
              kind: 'FIELD_VISIT',
              title: `${tag} ${n}.${k}`,
              text: 'Enhetschefen beskriver att uppföljningen numera sker i dialog.',
              codes: { methods: [{ method: 'LESS_DETAIL_STEERING', polarity: 'INTRODUCED_OR_STRENGTHENED' }] },
            },
          },
        }),
    };
  });
  streams.push(
    {
      name: 'analysts running analytics',
      connections: 10,
      headers: { authorization: `Bearer ${analyst}` },
      body: () => {
        const q = ANALYTICS_LOAD[a++ % ANALYTICS_LOAD.length];
        return JSON.stringify({ query: q.query, variables: q.variables(ctx) });
      },
    },
    {
      name: 'reporters submitting burden',
      connections: 5,
      headers: { authorization: `Bearer ${adminToken}` },
      body: () => {
        const k = b++;
        const target = targets[k % targets.length];
        const m = month(Math.floor(k / targets.length));
        const end = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0));
        return JSON.stringify({
          query: 'mutation($i: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $i) { id } }',
          variables: {
            i: {
              indicatorId: target.indicator_id,
              organisationId: target.organisation_id,
              periodKind: 'MONTH',
              periodStart: iso(m),
              periodEnd: iso(end),
              staffHours: 7.5,
              staffCount: 3,
              usedForImprovement: 'PARTLY',
            },
          },
        });
      },
    },
  );
  const results = await Promise.all(streams.map((s) => run(url, s, seconds)));
  // Requests still in flight when the load stopped finish on the server: wait for them before
  // counting and cleaning up, or a late write would outlive the cleanup and collide next run.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const after = (
    await pg.query(
      `SELECT (SELECT count(*) FROM observation WHERE title LIKE $1)::int AS observations,
            (SELECT count(DISTINCT client_id) FROM observation WHERE title LIKE $1)::int AS distinct_observations,
            (SELECT count(*) FROM burden_report)::int AS burden`,
      [`${tag} %`],
    )
  ).rows[0];
  for (const e of results.flatMap((r) => r.errorSamples)) console.log(`    failed: ${e}`);
  const burden = results[results.length - 1];
  const analytics = results[results.length - 2];
  const writers = results.slice(0, researchers.length);
  const all = (rs: StreamResult[]) => ({
    requests: rs.reduce((n, x) => n + x.requests, 0),
    ok: rs.reduce((n, x) => n + x.ok, 0),
    graphqlErrors: rs.reduce((n, x) => n + x.graphqlErrors, 0),
    httpErrors: rs.reduce((n, x) => n + x.httpErrors, 0),
  });
  const obs = { ...all(writers), p50: Math.max(...writers.map((x) => x.p50)), p99: Math.max(...writers.map((x) => x.p99)) };
  const check = {
    observationsAcknowledged: obs.ok,
    observationsStored: after.observations,
    observationDuplicates: after.observations - after.distinct_observations,
    burdenAcknowledged: burden.ok,
    burdenStored: after.burden - before.burden,
  };
  // Leave the benchmark data as generated.
  await removeObservations(pg, tag);
  // Burden went to months outside the generated ones (after them, then the year before them):
  // removed on both sides, or the data's first month would move back a year with every run.
  const outside = `period_start > $1 OR period_start < $2`;
  await pg.query(`DELETE FROM burden_report_revision WHERE report_id IN (SELECT id FROM burden_report WHERE ${outside})`, [ctx.to, ctx.from]);
  await pg.query(`DELETE FROM burden_report WHERE ${outside}`, [ctx.to, ctx.from]);
  await pg.query(`DELETE FROM burden_period_total WHERE ${outside}`, [ctx.to, ctx.from]);
  const out = {
    seconds,
    streams: {
      [`${researchers.length} researchers logging observations (p99: the worst researcher's)`]: { connections: researchers.length, ...obs },
      'analysts running analytics': { connections: 10, ...analytics },
      'reporters submitting burden': { connections: 5, ...burden },
    },
    check: { ...check, consistent: mixedLoadConsistent(check, researchers.length, 5) },
  };
  const lost = !mixedLoadConsistent(check, researchers.length, 5);
  console.log(
    `  mixed load ${seconds} s: observations ${obs.ok} ok (p99 ${obs.p99} ms, ${obs.graphqlErrors + obs.httpErrors} errors), ` +
      `analytics ${analytics.ok} ok (p99 ${analytics.p99} ms, ${analytics.graphqlErrors + analytics.httpErrors} errors), ` +
      `burden ${burden.ok} ok (p99 ${burden.p99} ms, ${burden.graphqlErrors + burden.httpErrors} errors); stored ${check.observationsStored} observations, ${check.burdenStored} reports${lost ? ' — MISMATCH' : ', none lost or duplicated'}`,
  );
  return out;
}

/** Removes the observations a scenario logged (titles starting with its tag), so the data stays as generated. */
export async function removeObservations(pg: Client, tag: string): Promise<void> {
  const like = [`${tag} %`];
  await pg.query(`DELETE FROM coded_segment WHERE observation_id IN (SELECT id FROM observation WHERE title LIKE $1)`, like);
  await pg.query(`DELETE FROM observation_version WHERE observation_id IN (SELECT id FROM observation WHERE title LIKE $1)`, like);
  await pg.query(`DELETE FROM observation WHERE title LIKE $1`, like);
}

/** First days of the months after `to` that have ended, then of the twelve months before `from`. */
function freeMonths(from: string, to: string): Date[] {
  const first = (iso: string, add: number) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
  };
  const thisMonth = first(new Date().toISOString().slice(0, 10), 0);
  const after: Date[] = [];
  for (let m = first(to, 1); m < thisMonth; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) after.push(m);
  const before = Array.from({ length: 12 }, (_, k) => first(from, -1 - k));
  return [...after, ...before];
}
