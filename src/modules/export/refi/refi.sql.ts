/**
 * The queries behind a pilot's REFI-QDA project. Each takes the pilot id as $1; the caller runs
 * them in one REPEATABLE READ transaction, so the project's XML and its text files agree.
 */
const LIVE = 'o.pilot_id = $1 AND o.deleted_at IS NULL';

export const PILOT_SQL = `SELECT id, code, title, description FROM pilot WHERE id = $1`;

/** Authors of the pilot's live observations and of their segments, plus the exporting user ($2). */
export const USERS_SQL = `SELECT u.id, u.display_name FROM app_user u
   WHERE u.id = $2
      OR u.id IN (SELECT o.author_id FROM observation o WHERE ${LIVE})
      OR u.id IN (SELECT s.author_id FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE ${LIVE})
   ORDER BY u.display_name, u.id`;

/** The participating organisations and those observed, with their attributes and observation ids. */
export const CASES_SQL = `WITH obs AS (SELECT o.id, o.organisation_id FROM observation o WHERE ${LIVE})
  SELECT org.id, org.name, org.kind::text AS kind, org.official_code, org.county::text AS county, org.operating_form::text AS operating_form,
         org.population, org.skr_group::text AS skr_group, parent.name AS parent_name,
         (SELECT string_agg(pp.role || ' ' || pp.level || ' ' || pp.from_date || '–' || COALESCE(pp.to_date::text, ''), '; ' ORDER BY pp.from_date, pp.level)
            FROM pilot_participant pp WHERE pp.pilot_id = $1 AND pp.organisation_id = org.id) AS participation,
         COALESCE((SELECT array_agg(obs.id ORDER BY obs.id) FROM obs WHERE obs.organisation_id = org.id), '{}') AS source_ids
    FROM organisation org LEFT JOIN organisation parent ON parent.id = org.parent_id
   WHERE org.id IN (SELECT organisation_id FROM pilot_participant WHERE pilot_id = $1 UNION SELECT organisation_id FROM obs)
   ORDER BY org.name, org.id`;

const CODE_COLUMNS = (a: string) =>
  `${a}.forms::text[] AS forms, ${a}.phase::text AS phase, ${a}.relations::text[] AS relations, ${a}.methods::text[] AS methods,
   ${a}.trustworthiness::text[] AS trustworthiness, ${a}.orientation::text AS orientation, ${a}.effect_on_trust::text AS effect_on_trust`;

const SEGMENT_JSON = `json_build_object('id', s.id, 'start', s.start_offset, 'end', s.end_offset, 'quote', s.quote, 'memo', s.memo,
  'authorId', s.author_id, 'createdAt', s.created_at, 'updatedAt', s.updated_at, 'forms', s.forms, 'phase', s.phase,
  'relations', s.relations, 'methods', s.methods, 'trustworthiness', s.trustworthiness, 'orientation', s.orientation,
  'effectOnTrust', s.effect_on_trust)`;

/**
 * One row per live observation with its codes and its current (not stale) segments. Stale
 * segments no longer hold their quote at their positions, so they are counted, not exported.
 */
export const SOURCES_SQL = `SELECT o.id, o.title, o.occurred_on::text AS occurred_on, o.kind::text AS kind, o.level::text AS level,
       o.respondent_role::text AS respondent_role, o.author_id, o.created_at, o.updated_at, o.version, o.tags, o.text,
       org.name AS organisation, ${CODE_COLUMNS('o')},
       COALESCE((SELECT json_agg(${SEGMENT_JSON} ORDER BY s.start_offset, s.end_offset, s.id) FROM coded_segment s
                  WHERE s.observation_id = o.id AND NOT s.stale), '[]') AS segments,
       (SELECT count(*) FROM coded_segment s WHERE s.observation_id = o.id AND s.stale)::int AS stale_segments
  FROM observation o JOIN organisation org ON org.id = o.organisation_id
 WHERE ${LIVE}
 ORDER BY o.occurred_on, o.id`;

export const COUNT_SQL = `SELECT count(*)::int AS n FROM observation o WHERE ${LIVE}`;

/** The same observations, in the same order, for the text files. */
export const TEXTS_SQL = `SELECT o.id, o.text FROM observation o WHERE ${LIVE} ORDER BY o.occurred_on, o.id`;
