import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { reportableOrganisations } from './access.rules';
import { applyTo, inRaw } from './sql-fragment';
import { Params } from '../../common/sql/params';

/**
 * The write checks, beside the read rules: who may change what. Each takes the caller's
 * EntityManager when it runs inside their transaction (a second pooled connection could deadlock
 * the pool). They answer yes or no, or throw NOT_FOUND/FORBIDDEN where the answer is the same
 * for every feature; features choose their own messages otherwise.
 */
@Injectable()
export class AccessChecks {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Whether a researcher followed the pilot on `date`: the rule for every researcher write. */
  async researcherFollows(userId: string, pilotId: string, date: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    const [row] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM pilot_researcher WHERE pilot_id = $1 AND user_id = $2
                        AND daterange(from_date, to_date, '[]') @> $3::date) AS ok`,
      [pilotId, userId, date],
    );
    return row.ok === true;
  }

  /**
   * Research writes to a pilot (observations and their segments, survey waves): admins always;
   * researchers only to pilots they follow on the date concerned.
   */
  async mayWriteResearch(actor: AuthUser, pilotId: string, date: string, em?: EntityManager): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    return actor.role === Role.RESEARCHER && this.researcherFollows(actor.id, pilotId, date, em);
  }

  /**
   * Creating or changing an own code: admins any; researchers shared codes, and the codes of the
   * pilots they follow today.
   */
  async mayWriteOwnCode(actor: AuthUser, pilotId: string | null, em?: EntityManager): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role !== Role.RESEARCHER) return false;
    return pilotId === null || this.researcherFollows(actor.id, pilotId, new Date().toISOString().slice(0, 10), em);
  }

  /**
   * Opening, closing or reopening a survey wave: admins any; researchers the waves of pilots they
   * follow; org reporters waves of their own units only (every unit of the wave theirs).
   */
  async mayScheduleWave(actor: AuthUser, wave: { pilotId: string; opensOn: string; unitIds: string[] }, em?: EntityManager): Promise<boolean> {
    if (actor.role === Role.ORG_REPORTER) return wave.unitIds.length > 0 && this.mayReportForAll(actor, wave.unitIds, em);
    return this.mayWriteResearch(actor, wave.pilotId, wave.opensOn, em);
  }

  /** Changing a row someone made (an observation, a segment): its author, or an admin. */
  mayChangeOwn(actor: AuthUser, authorId: string): boolean {
    return actor.role === Role.ADMIN || actor.id === authorId;
  }

  /**
   * Reports about an organisation (burden, time thieves, instruments): admins any; org reporters
   * and researchers the organisations whose reports they read; analysts none. An org reporter
   * gets NOT_FOUND outside its subtree (it cannot see them); a researcher FORBIDDEN.
   */
  async assertCanReportFor(actor: AuthUser, organisationId: string, em: EntityManager = this.ds.manager): Promise<void> {
    if (actor.role === Role.ADMIN) return;
    if (actor.role !== Role.ORG_REPORTER && actor.role !== Role.RESEARCHER) throw forbidden('Your role cannot report for organisations');
    const qb = em.createQueryBuilder().select('1').from('organisation', 'o').where('o.id = :orgId', { orgId: organisationId });
    if (await applyTo(qb, reportableOrganisations(actor, 'o.id')).getExists()) return;
    const [{ exists }] = await em.query('SELECT EXISTS (SELECT 1 FROM organisation WHERE id = $1) AS exists', [organisationId]);
    if (!exists || actor.role === Role.ORG_REPORTER) throw notFound('Organisation', organisationId);
    throw forbidden('You report only for organisations in the pilots you follow');
  }

  /**
   * For a batch: the place of the first organisation the caller may not report for (-1: none),
   * in one statement; `assertCanReportFor` on it then says why.
   */
  async firstNotReportable(actor: AuthUser, organisationIds: string[], em: EntityManager = this.ds.manager): Promise<number> {
    if (actor.role === Role.ADMIN) return -1;
    if (actor.role !== Role.ORG_REPORTER && actor.role !== Role.RESEARCHER) return 0;
    const p = new Params();
    const ids = p.add([...new Set(organisationIds)], '::uuid[]');
    const rows: { id: string }[] = await em.query(
      `SELECT o.id FROM organisation o WHERE o.id = ANY (${ids}) AND ${inRaw(reportableOrganisations(actor, 'o.id'), p)}`,
      p.values,
    );
    const allowed = new Set(rows.map((r) => r.id));
    return organisationIds.findIndex((id) => !allowed.has(id));
  }

  /** Whether the caller may report for at least one of these organisations. */
  async mayReportForAny(actor: AuthUser, organisationIds: string[], em?: EntityManager): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    for (const id of organisationIds) {
      if (
        await this.assertCanReportFor(actor, id, em).then(
          () => true,
          () => false,
        )
      )
        return true;
    }
    return false;
  }

  /** Whether the caller may report for every one of these organisations (to change a record they all share). */
  async mayReportForAll(actor: AuthUser, organisationIds: string[], em: EntityManager = this.ds.manager): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role !== Role.ORG_REPORTER && actor.role !== Role.RESEARCHER) return false;
    const ids = [...new Set(organisationIds)];
    if (!ids.length) return false;
    const qb = em.createQueryBuilder().select('count(*)::int', 'n').from('organisation', 'o').where('o.id IN (:...ids)', { ids });
    const row: { n: number } | undefined = await applyTo(qb, reportableOrganisations(actor, 'o.id')).getRawOne();
    return row?.n === ids.length;
  }

  /**
   * The units of a wave the caller may submit responses for: all of them for admins, those in
   * an org reporter's subtree; none for anyone else.
   */
  async unitsToSubmitFor(actor: AuthUser, waveId: string, em: EntityManager = this.ds.manager): Promise<Set<string>> {
    if (actor.role !== Role.ADMIN && actor.role !== Role.ORG_REPORTER) return new Set();
    const qb = em.createQueryBuilder().select('wu.organisation_id', 'id').from('survey_wave_unit', 'wu').where('wu.wave_id = :waveId', { waveId });
    const rows: { id: string }[] = await applyTo(qb, reportableOrganisations(actor, 'wu.organisation_id')).getRawMany();
    return new Set(rows.map((r) => r.id));
  }
}
