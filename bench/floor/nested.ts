import { pool } from './observation';

/**
 * The nested read's whole answer from one statement that builds the JSON in PostgreSQL, as
 * PostGraphile does: the pilot with its participants and their organisations, and the pilot's
 * newest observations with their authors and codes, and their count. GraphQL then only walks it.
 */
const NESTED_SQL = `
  SELECT json_build_object(
    'pilot', (SELECT json_build_object('code', p.code, 'title', p.title, 'participants', coalesce(
                (SELECT json_agg(json_build_object('level', pp.level, 'role', pp.role,
                                 'organisation', json_build_object('name', o.name, 'kind', o.kind, 'county', o.county)) ORDER BY pp.level, pp.from_date, pp.id)
                   FROM pilot_participant pp JOIN organisation o ON o.id = pp.organisation_id WHERE pp.pilot_id = p.id), '[]'))
                FROM pilot p WHERE p.id = $1),
    'observations', json_build_object(
      'totalCount', (SELECT count(*) FROM observation WHERE pilot_id = $2 AND deleted_at IS NULL),
      'edges', coalesce((
        SELECT json_agg(json_build_object('node', json_build_object(
                 'id', o.id, 'title', o.title, 'occurredOn', o.occurred_on, 'author', json_build_object('displayName', u.display_name),
                 'codes', json_build_object('forms', o.forms, 'relations', o.relations, 'effectOnTrust', o.effect_on_trust,
                   'methods', (SELECT coalesce(json_agg(json_build_object('method', split_part(m, ':', 1), 'polarity', split_part(m, ':', 2))), '[]')
                                 FROM unnest(o.methods) m))))
                 ORDER BY o.occurred_on DESC, o.id DESC)
          FROM (SELECT * FROM observation WHERE pilot_id = $2 AND deleted_at IS NULL ORDER BY occurred_on DESC, id DESC LIMIT $3) o
          JOIN app_user u ON u.id = o.author_id), '[]'))) AS answer`;

interface Answer {
  pilot: unknown;
  observations: unknown;
}

/** Per request: what the root fields asked for, and the one statement that answers them all. */
export interface NestedContext {
  asks?: { pilotId: string | null; observations: { pilotId: string; first: number } | null; answer: Promise<Answer> };
}

/**
 * The root fields of one request register what they need and share one statement, run once
 * they have all been called (graphql-js calls a query's root fields before awaiting any).
 */
function ask(ctx: NestedContext): NonNullable<NestedContext['asks']> {
  if (!ctx.asks) {
    const asks = { pilotId: null, observations: null } as Omit<NonNullable<NestedContext['asks']>, 'answer'>;
    const answer = new Promise<Answer>((resolve, reject) =>
      setImmediate(() =>
        pool
          .query(NESTED_SQL, [asks.pilotId, asks.observations?.pilotId ?? null, asks.observations?.first ?? 0])
          .then((r) => resolve(r.rows[0].answer), reject),
      ),
    );
    ctx.asks = Object.assign(asks, { answer });
  }
  return ctx.asks;
}

export async function nestedPilot(ctx: NestedContext, pilotId: string) {
  const asks = ask(ctx);
  asks.pilotId = pilotId;
  return (await asks.answer).pilot;
}

export async function nestedObservations(ctx: NestedContext, pilotId: string, first: number) {
  const asks = ask(ctx);
  asks.observations = { pilotId, first };
  return (await asks.answer).observations;
}
