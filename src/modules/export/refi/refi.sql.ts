import { Params } from '../../../common/sql/params';
import { inRaw, SqlFragment } from '../../access/sql-fragment';

/**
 * The queries behind a pilot's REFI-QDA project, over the observations the exporting user may
 * read (`readable`, a rule of the access module on alias `o`): the same rows as the observation
 * list and the CSV exports. The caller runs them in one REPEATABLE READ transaction, so the
 * project's XML and its text files agree.
 */
export interface RefiQuery {
  sql: string;
  values: unknown[];
}

export interface RefiQueries {
  count: RefiQuery;
  users: RefiQuery;
  cases: RefiQuery;
  sources: RefiQuery;
  texts: RefiQuery;
  ownCodes: RefiQuery;
}

/** The pilot, if the caller may see it (`visible`, a rule on alias `p`). */
export function pilotQuery(pilotId: string, visible: SqlFragment): RefiQuery {
  const p = new Params();
  const sql = `SELECT p.id, p.code, p.title, p.description FROM pilot p WHERE p.id = ${p.add(pilotId, '::uuid')} AND ${inRaw(visible, p)}`;
  return { sql, values: p.values };
}

const CODE_COLUMNS = (a: string) =>
  `${a}.forms::text[] AS forms, ${a}.phase::text AS phase, ${a}.relations::text[] AS relations, ${a}.methods::text[] AS methods,
   ${a}.trustworthiness::text[] AS trustworthiness, ${a}.orientation::text AS orientation, ${a}.effect_on_trust::text AS effect_on_trust,
   ${a}.definition_parts::text[] AS definition_parts, ${a}.control_systems::text[] AS control_systems,
   ${a}.effect_variables::text[] AS effect_variables, ${a}.contextual_conditions::text[] AS contextual_conditions, ${a}.own_code_ids::text[] AS own_code_ids`;

const SEGMENT_JSON = `json_build_object('id', s.id, 'start', s.start_offset, 'end', s.end_offset, 'quote', s.quote, 'memo', s.memo,
  'authorId', s.author_id, 'createdAt', s.created_at, 'updatedAt', s.updated_at, 'forms', s.forms, 'phase', s.phase,
  'relations', s.relations, 'methods', s.methods, 'trustworthiness', s.trustworthiness, 'orientation', s.orientation,
  'effectOnTrust', s.effect_on_trust, 'definition_parts', s.definition_parts, 'control_systems', s.control_systems,
  'effect_variables', s.effect_variables, 'contextual_conditions', s.contextual_conditions, 'own_code_ids', s.own_code_ids)`;

/** One query: `$1` is the pilot, `live` the condition on `o` for the exported observations. */
function query(pilotId: string, readable: SqlFragment, build: (live: string, p: Params) => string): RefiQuery {
  const p = new Params();
  const live = `o.pilot_id = ${p.add(pilotId, '::uuid')} AND o.deleted_at IS NULL AND ${inRaw(readable, p)}`;
  const sql = build(live, p);
  return { sql, values: p.values };
}

export function refiQueries(pilotId: string, exporterId: string, readable: SqlFragment, ownCodesVisible: SqlFragment): RefiQueries {
  return {
    count: query(pilotId, readable, (live) => `SELECT count(*)::int AS n FROM observation o WHERE ${live}`),

    /** Authors of the exported observations and of their segments, plus the exporting user. */
    users: query(
      pilotId,
      readable,
      (live, p) => `SELECT u.id, u.display_name FROM app_user u
       WHERE u.id = ${p.add(exporterId, '::uuid')}
          OR u.id IN (SELECT o.author_id FROM observation o WHERE ${live})
          OR u.id IN (SELECT s.author_id FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE ${live})
       ORDER BY u.display_name, u.id`,
    ),

    /** The participating organisations and those observed, with their attributes and observation ids. */
    cases: query(
      pilotId,
      readable,
      (live) => `WITH obs AS (SELECT o.id, o.organisation_id FROM observation o WHERE ${live})
      SELECT org.id, org.name, org.kind::text AS kind, org.official_code, org.county::text AS county, org.operating_form::text AS operating_form,
             org.population, org.skr_group::text AS skr_group, parent.name AS parent_name,
             (SELECT string_agg(pp.role || ' ' || pp.level || ' ' || pp.from_date || '–' || COALESCE(pp.to_date::text, ''), '; ' ORDER BY pp.from_date, pp.level)
                FROM pilot_participant pp WHERE pp.pilot_id = $1 AND pp.organisation_id = org.id) AS participation,
             COALESCE((SELECT array_agg(obs.id ORDER BY obs.id) FROM obs WHERE obs.organisation_id = org.id), '{}') AS source_ids
        FROM organisation org LEFT JOIN organisation parent ON parent.id = org.parent_id
       WHERE org.id IN (SELECT organisation_id FROM pilot_participant WHERE pilot_id = $1 UNION SELECT organisation_id FROM obs)
       ORDER BY org.name, org.id`,
    ),

    /**
     * One row per exported observation with its codes and its current (not stale) segments.
     * Stale segments no longer hold their quote at their positions, so they are counted, not exported.
     */
    sources: query(
      pilotId,
      readable,
      (live) => `SELECT o.id, o.title, o.occurred_on::text AS occurred_on, o.kind::text AS kind, o.level::text AS level,
           o.respondent_role::text AS respondent_role, o.author_id, o.created_at, o.updated_at, o.version, o.tags, o.text,
           o.organisation_id, org.name AS organisation, ${CODE_COLUMNS('o')},
           COALESCE((SELECT json_agg(${SEGMENT_JSON} ORDER BY s.start_offset, s.end_offset, s.id) FROM coded_segment s
                      WHERE s.observation_id = o.id AND NOT s.stale), '[]') AS segments,
           (SELECT count(*) FROM coded_segment s WHERE s.observation_id = o.id AND s.stale)::int AS stale_segments
      FROM observation o JOIN organisation org ON org.id = o.organisation_id
     WHERE ${live}
     ORDER BY o.occurred_on, o.id`,
    ),

    /** The same observations, in the same order, for the text files. */
    texts: query(pilotId, readable, (live) => `SELECT o.id, o.text FROM observation o WHERE ${live} ORDER BY o.occurred_on, o.id`),

    /** The own codes usable in the pilot that the caller may see (retired ones too: old codings use them), parents first. */
    ownCodes: ownCodesQuery(pilotId, ownCodesVisible),
  };
}

/** The own codes usable in the pilot that the caller may see (retired ones too: old codings use them), parents first. */
function ownCodesQuery(pilotId: string, visible: SqlFragment): RefiQuery {
  const p = new Params();
  const sql = `WITH RECURSIVE scoped AS (SELECT c.* FROM own_code c WHERE (c.pilot_id IS NULL OR c.pilot_id = ${p.add(pilotId, '::uuid')}) AND ${inRaw(visible, p)}),
      tree AS (SELECT s.id, 0 AS depth FROM scoped s WHERE s.parent_id IS NULL OR s.parent_id NOT IN (SELECT id FROM scoped)
               UNION ALL SELECT s.id, tree.depth + 1 FROM scoped s JOIN tree ON s.parent_id = tree.id)
    SELECT s.id, s.name, s.description, s.colour, s.parent_dimension, s.parent_id, s.retired_at IS NOT NULL AS retired, m.name AS merged_into_name
      FROM scoped s JOIN tree ON tree.id = s.id LEFT JOIN own_code m ON m.id = s.merged_into_id
     ORDER BY tree.depth, lower(s.name), s.id`;
  return { sql, values: p.values };
}
