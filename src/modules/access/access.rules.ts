import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { relatedOrgIdsSql, researcherOrgIdsSql, subtreeIdsSql } from '../organisation/organisation.sql';
import { ALL, fragment, NONE, SqlFragment } from './sql-fragment';

/**
 * The read rules: for each kind of row, which ones the caller may see, as one SQL condition on
 * the row's column (`SqlFragment`: a query builder takes it with `applyTo`, raw SQL with `inRaw`).
 * Every list, nested field, count, analytics query, timeline, export and page asks these; a row
 * outside them answers exactly like a row that does not exist. The organisation tree's own
 * queries stay in organisation.sql.ts. The rules, in words, are in docs/architecture.md
 * ("Access control"); test/e2e/visibility.e2e-spec.ts checks every path agrees with them.
 */

const ROOT = 'CAST(:acc_root AS uuid)';
const USER = 'CAST(:acc_user AS uuid)';
const root = (actor: AuthUser) => ({ acc_root: actor.organisationId });
const me = (actor: AuthUser) => ({ acc_user: actor.id });

/** The pilots an org reporter's organisation takes part in: itself, a unit of it, or the organisation it belongs to. */
const REPORTER_PILOTS = `SELECT ap.pilot_id FROM pilot_participant ap WHERE ap.organisation_id IN (${relatedOrgIdsSql(ROOT)})`;
/** The pilots a researcher follows or followed. */
const FOLLOWED_PILOTS = `SELECT af.pilot_id FROM pilot_researcher af WHERE af.user_id = ${USER}`;

const isReader = (actor: AuthUser) => actor.role === Role.ADMIN || actor.role === Role.ANALYST;

/** Pilots: everyone but org reporters sees every pilot; they see those their organisation takes part in. */
export function visiblePilots(actor: AuthUser, idColumn: string): SqlFragment {
  if (actor.role === Role.ORG_REPORTER) return fragment(`${idColumn} IN (${REPORTER_PILOTS})`, root(actor));
  return isReader(actor) || actor.role === Role.RESEARCHER ? ALL : NONE;
}

/**
 * Organisations: everyone but org reporters sees the directory. An org reporter sees its own
 * subtree, the organisations above it, the organisations taking part in its pilots (the
 * steering chain of its own pilots), those imposing steering instruments on its subtree, and
 * the supervisory agencies (public bodies it reports supervision by).
 */
export function visibleOrganisations(actor: AuthUser, idColumn: string): SqlFragment {
  if (actor.role !== Role.ORG_REPORTER) return isReader(actor) || actor.role === Role.RESEARCHER ? ALL : NONE;
  return fragment(
    `${idColumn} IN (
       ${relatedOrgIdsSql(ROOT)}
       UNION SELECT ao.organisation_id FROM pilot_participant ao WHERE ao.pilot_id IN (${REPORTER_PILOTS})
       UNION SELECT ai.imposed_by_id FROM steering_instrument ai JOIN steering_instrument_target at ON at.instrument_id = ai.id
              WHERE at.organisation_id IN (${subtreeIdsSql(ROOT)})
       UNION SELECT ak.id FROM organisation ak WHERE ak.kind = 'SUPERVISORY_AGENCY')`,
    root(actor),
  );
}

/** Observations whose text and title the caller may read: admins and analysts all, researchers those of the pilots they follow or followed. */
export function readableObservations(actor: AuthUser, alias: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.RESEARCHER) return fragment(`${alias}.pilot_id IN (${FOLLOWED_PILOTS})`, me(actor));
  return NONE;
}

/**
 * Observations the caller may count (code frequencies, signals): the readable ones; an org
 * reporter also counts those made in its own organisation and units, without reading them.
 */
export function countableObservations(actor: AuthUser, alias: string): SqlFragment {
  if (actor.role === Role.ORG_REPORTER) return fragment(`${alias}.organisation_id IN (${subtreeIdsSql(ROOT)})`, root(actor));
  return readableObservations(actor, alias);
}

/** Among readable observations, the deleted ones the caller sees: admins all, others their own. */
export function visibleDeletedObservations(actor: AuthUser, alias: string): SqlFragment {
  return actor.role === Role.ADMIN ? ALL : fragment(`${alias}.author_id = ${USER}`, me(actor));
}

/**
 * Reports about organisations (indicator burden, time thieves): admins and analysts all; org
 * reporters their own subtree; researchers the organisations in the pilots they follow, with
 * their units.
 */
export function visibleReports(actor: AuthUser, organisationColumn: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.ORG_REPORTER) return fragment(`${organisationColumn} IN (${subtreeIdsSql(ROOT)})`, root(actor));
  if (actor.role === Role.RESEARCHER) return fragment(`${organisationColumn} IN (${researcherOrgIdsSql(USER)})`, me(actor));
  return NONE;
}

/**
 * Organisations the caller reports for (writes burden, time thieves and instruments for; sees
 * their withdrawn reports with the reasons): admins any; org reporters their subtree; researchers
 * the organisations in the pilots they follow, with their units; nobody else.
 */
export function reportableOrganisations(actor: AuthUser, organisationColumn: string): SqlFragment {
  if (actor.role === Role.ADMIN) return ALL;
  if (actor.role === Role.ANALYST) return NONE;
  return visibleReports(actor, organisationColumn);
}

/** Survey waves: org reporters see the waves that target their units; everyone else every wave. */
export function visibleWaves(actor: AuthUser, idColumn: string): SqlFragment {
  if (actor.role === Role.ORG_REPORTER) {
    return fragment(`${idColumn} IN (SELECT aw.wave_id FROM survey_wave_unit aw WHERE aw.organisation_id IN (${subtreeIdsSql(ROOT)}))`, root(actor));
  }
  return isReader(actor) || actor.role === Role.RESEARCHER ? ALL : NONE;
}

/** Pilots whose survey results the caller may ask for: admins and analysts any, researchers those they follow(ed), org reporters their organisation's. */
export function surveyResultPilots(actor: AuthUser, pilotColumn: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.RESEARCHER) return fragment(`${pilotColumn} IN (${FOLLOWED_PILOTS})`, me(actor));
  if (actor.role === Role.ORG_REPORTER) return fragment(`${pilotColumn} IN (${REPORTER_PILOTS})`, root(actor));
  return NONE;
}

/**
 * Survey links (each a capability to answer a wave for a unit): admins see all, org reporters
 * those for units of their own subtree, nobody else any.
 */
export function visibleSurveyLinks(actor: AuthUser, unitColumn: string): SqlFragment {
  if (actor.role === Role.ADMIN) return ALL;
  if (actor.role === Role.ORG_REPORTER) return fragment(`${unitColumn} IN (${subtreeIdsSql(ROOT)})`, root(actor));
  return NONE;
}

/** The units whose responses make up the caller's survey results: an org reporter's own subtree; everyone else all. */
export function surveyResultUnits(actor: AuthUser, unitColumn: string): SqlFragment {
  return actor.role === Role.ORG_REPORTER ? fragment(`${unitColumn} IN (${subtreeIdsSql(ROOT)})`, root(actor)) : ALL;
}

/**
 * The organisation below which the caller's survey results are cut (an org reporter's own): no
 * published group of theirs reaches above it. Null for everyone else.
 */
export const surveyResultRoot = (actor: AuthUser): string | null => (actor.role === Role.ORG_REPORTER ? actor.organisationId : null);

/** Batches of survey responses: admins see every batch, others the ones they submitted. */
export function visibleBatches(actor: AuthUser, alias: string): SqlFragment {
  return actor.role === Role.ADMIN ? ALL : fragment(`${alias}.submitted_by = ${USER}`, me(actor));
}

/** A user's e-mail address: admins and the user themself. */
export const mayReadEmail = (actor: AuthUser | undefined, userId: string) => actor?.role === Role.ADMIN || actor?.id === userId;

/** Whose analytics queries and exports go to the access log: analysts' (they read everything, so they are accountable). */
export const analyticsAreLogged = (actor: AuthUser) => actor.role === Role.ANALYST;

/** Whether deleted observations of others are visible (admins). */
export const seesOthersDeleted = (actor: AuthUser) => actor.role === Role.ADMIN;

/** Whether a rule lets everything through (so a rollup of all rows may answer instead). */
export const isUnrestricted = (f: SqlFragment) => f === ALL;

/**
 * Obstacles (and, with issue 13, the other findings of a pilot): admins and analysts all;
 * researchers those of the pilots they follow or followed; org reporters those that name an
 * organisation of their own subtree.
 */
export function visibleObstacles(actor: AuthUser, alias: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.RESEARCHER) return fragment(`${alias}.pilot_id IN (${FOLLOWED_PILOTS})`, me(actor));
  if (actor.role === Role.ORG_REPORTER) {
    return fragment(
      `EXISTS (SELECT 1 FROM obstacle_organisation aoo WHERE aoo.obstacle_id = ${alias}.id AND aoo.organisation_id IN (${subtreeIdsSql(ROOT)}))`,
      root(actor),
    );
  }
  return NONE;
}

/** Assessed effects: admins and analysts all; researchers those of the pilots they follow or followed; org reporters none. */
export function visibleEffects(actor: AuthUser, alias: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.RESEARCHER) return fragment(`${alias}.pilot_id IN (${FOLLOWED_PILOTS})`, me(actor));
  return NONE;
}

/**
 * The idea bank: published ideas for every signed-in role (so examples spread, org reporters
 * included); drafts for admins, analysts and the researchers of the idea's pilot.
 */
export function visibleIdeas(actor: AuthUser, alias: string): SqlFragment {
  if (isReader(actor)) return ALL;
  const published = `${alias}.status = 'PUBLISHED'`;
  if (actor.role === Role.RESEARCHER) return fragment(`(${published} OR ${alias}.pilot_id IN (${FOLLOWED_PILOTS}))`, me(actor));
  return fragment(published);
}

/**
 * Researchers' own codes: admins and analysts all; researchers the shared ones and those of the
 * pilots they follow or followed; org reporters none (not even as code counts: codesOfOwnCodes).
 */
export function visibleOwnCodes(actor: AuthUser, alias: string): SqlFragment {
  if (isReader(actor)) return ALL;
  if (actor.role === Role.RESEARCHER) return fragment(`(${alias}.pilot_id IS NULL OR ${alias}.pilot_id IN (${FOLLOWED_PILOTS}))`, me(actor));
  return NONE;
}

/**
 * The own codes of a coded row (`column`, a uuid[]) the caller may count: all of them for those
 * who see own codes (an own code is only ever used on its own pilot's rows, and those are the only
 * rows they count), none for org reporters, who count their organisation's observations.
 */
export function countableOwnCodes(actor: AuthUser, column: string): string {
  return actor.role === Role.ORG_REPORTER ? `'{}'::uuid[]` : column;
}

/**
 * Evaluation reports (every version, drafts included): admins and analysts all; researchers those
 * of the pilots they follow or followed; org reporters none (they read published ideas and their
 * own obstacles).
 */
export function visibleEvaluationReports(actor: AuthUser, alias: string): SqlFragment {
  return visibleEffects(actor, alias);
}
