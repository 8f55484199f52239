import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { badInput, conflict, forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { withdrawal } from '../../database/withdrawal-columns';
import { AccessChecks } from '../access/access.checks';
import { visibleEffects, visibleEvaluationReports, visibleIdeas, visibleObstacles } from '../access/access.rules';
import { applyTo, SqlFragment } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { PilotEntity } from '../pilot/pilot.entity';
import {
  AddReportAuthorInput,
  AddReportFindingInput,
  EvaluationReportsArgs,
  RenameEvaluationReportInput,
  ReportEditInput,
  SetReportStatusInput,
  StartEvaluationReportInput,
  UpdateReportFindingInput,
  WithdrawReportFindingInput,
  WriteReportSectionInput,
} from './dto/report.input';
import { EvaluationReportAuthorEntity, EvaluationReportEntity, ReportFindingEntity, ReportSectionEntity } from './report.entity';
import { REPORT_SECTIONS, REPORT_TRANSITIONS, ReportStatus } from './report.enums';

const today = () => new Date().toISOString().slice(0, 10);
const OPEN = [ReportStatus.DRAFT, ReportStatus.IN_REVIEW];

/**
 * Evaluation reports per pilot (issue 13 §6). A pilot has numbered versions; at most one open
 * (draft or in review) and one final at a time. Its authors (and admins) change an open version,
 * each change with the edit version read (optimistic locking) and in the audit trail; a final
 * version is locked, and a new version starts as its copy and supersedes it when it becomes final.
 */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: EvaluationReportsArgs): Promise<ConnectionShape<EvaluationReportEntity>> {
    const qb = applyTo(this.ds.getRepository(EvaluationReportEntity).createQueryBuilder('er'), visibleEvaluationReports(actor, 'er'));
    const f = args.filter ?? {};
    if (f.pilotId) qb.andWhere('er.pilotId = :pilotId', { pilotId: f.pilotId });
    if (f.status?.length) qb.andWhere('er.status IN (:...statuses)', { statuses: f.status });
    return paginate(qb, args, { column: 'er.number', value: (r) => r.number, direction: 'DESC' });
  }

  async get(actor: AuthUser, id: string, em: EntityManager = this.ds.manager): Promise<EvaluationReportEntity> {
    const qb = em.getRepository(EvaluationReportEntity).createQueryBuilder('er').where('er.id = :id', { id });
    const report = await applyTo(qb, visibleEvaluationReports(actor, 'er')).getOne();
    if (!report) throw notFound('Evaluation report', id);
    return report;
  }

  /** The pilot's final version, if the caller may see it (null otherwise). */
  async finalOf(actor: AuthUser, pilotId: string): Promise<EvaluationReportEntity | null> {
    const qb = this.ds.getRepository(EvaluationReportEntity).createQueryBuilder('er').where('er.pilotId = :pilotId AND er.status = :final', {
      pilotId,
      final: ReportStatus.FINAL,
    });
    return applyTo(qb, visibleEvaluationReports(actor, 'er')).getOne();
  }

  start(actor: AuthUser, input: StartEvaluationReportInput): Promise<EvaluationReportEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'startEvaluationReport',
        input,
        () => this.createVersion(em, actor, input),
        (id) => em.getRepository(EvaluationReportEntity).findOneBy({ id }),
      ),
    );
  }

  rename(actor: AuthUser, input: RenameEvaluationReportInput) {
    return this.edit(actor, input, 'Renamed', async (_em, report) => {
      report.title = input.title;
    });
  }

  writeSection(actor: AuthUser, input: WriteReportSectionInput) {
    return this.edit(actor, input, `Section ${input.section} written`, (em, report) =>
      em
        .getRepository(ReportSectionEntity)
        .update({ reportId: report.id, kind: input.section }, { body: input.body })
        .then(() => undefined),
    );
  }

  addFinding(actor: AuthUser, input: AddReportFindingInput): Promise<ReportFindingEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'addReportFinding',
        input,
        async () => {
          let created: ReportFindingEntity | undefined;
          await this.editIn(em, actor, input, `Finding added to ${input.section}`, async (report) => {
            await this.checkSubject(em, actor, report.pilotId, input);
            const [{ next }] = await em.query(
              `SELECT coalesce(max(position), 0) + 1 AS next FROM evaluation_report_finding WHERE report_id = $1 AND section = $2 AND withdrawn_at IS NULL`,
              [report.id, input.section],
            );
            const repo = em.getRepository(ReportFindingEntity);
            created = await repo.save(
              repo.create({
                reportId: report.id,
                section: input.section,
                position: next,
                statement: input.statement,
                body: input.body,
                ideaId: input.ideaId ?? null,
                obstacleId: input.obstacleId ?? null,
                effectId: input.effectId ?? null,
                copiedFromId: null,
                ...withdrawal(false, actor.id, ''),
              }),
            );
          });
          return created!;
        },
        (id) => em.getRepository(ReportFindingEntity).findOneBy({ id }),
      ),
    );
  }

  async updateFinding(actor: AuthUser, input: UpdateReportFindingInput): Promise<ReportFindingEntity> {
    return this.ds.transaction(async (em) => {
      const finding = await this.findingOf(em, input.id);
      await this.editIn(em, actor, { reportId: finding.reportId, expectedVersion: input.expectedVersion }, input.reason, async () => {
        const fields = changesOf({ statement: input.statement, body: input.body }, ['statement', 'body']);
        Object.assign(finding, fields);
        if (input.position !== undefined && input.position !== null && input.position !== finding.position) await this.move(em, finding, input.position);
        await em.getRepository(ReportFindingEntity).save(finding);
      });
      return em.getRepository(ReportFindingEntity).findOneByOrFail({ id: finding.id });
    });
  }

  async withdrawFinding(actor: AuthUser, input: WithdrawReportFindingInput): Promise<ReportFindingEntity> {
    return this.ds.transaction(async (em) => {
      const finding = await this.findingOf(em, input.id);
      await this.editIn(em, actor, { reportId: finding.reportId, expectedVersion: input.expectedVersion }, input.reason, async () => {
        await em.query(
          `UPDATE evaluation_report_finding SET position = position - 1
            WHERE report_id = $1 AND section = $2 AND withdrawn_at IS NULL AND position > $3`,
          [finding.reportId, finding.section, finding.position],
        );
        Object.assign(finding, withdrawal(true, actor.id, input.reason), { position: 0 });
        await em.getRepository(ReportFindingEntity).save(finding);
      });
      return finding;
    });
  }

  addAuthor(actor: AuthUser, input: AddReportAuthorInput): Promise<EvaluationReportEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'addReportAuthor',
        input,
        () =>
          this.editIn(em, actor, input, 'Co-author added', async (report) => {
            if (!(await this.access.researcherFollows(input.userId, report.pilotId, today(), em))) {
              throw badInput('input.userId', 'is not a researcher following the pilot');
            }
            await em
              .createQueryBuilder()
              .insert()
              .into(EvaluationReportAuthorEntity)
              .values({ reportId: report.id, userId: input.userId })
              .orIgnore()
              .execute();
          }),
        (id) => em.getRepository(EvaluationReportEntity).findOneBy({ id }),
      ),
    );
  }

  /** A status move, as one more edit of the version (locked, checked, versioned, audited like the others). */
  setStatus(actor: AuthUser, input: SetReportStatusInput): Promise<EvaluationReportEntity> {
    return this.edit(actor, input, input.reason?.trim() || `Status → ${input.status}`, async (em, report) => {
      const allowed = REPORT_TRANSITIONS[report.status];
      if (!allowed.includes(input.status)) {
        throw conflict(
          `A ${report.status} version cannot become ${input.status}; it can become ${allowed.join(' or ') || 'nothing: it is locked'}`,
          'input.status',
        );
      }
      if (input.status === ReportStatus.FINAL) await this.supersedeFinal(em, actor, report);
      report.status = input.status;
      report.finalisedAt = input.status === ReportStatus.FINAL ? new Date() : null;
    });
  }

  /**
   * Whether the caller may change an open version of this report: an admin, or one of its
   * authors still following the pilot. Evidence links on its findings follow the same rule.
   */
  async assertMayEdit(em: EntityManager, actor: AuthUser, report: EvaluationReportEntity): Promise<void> {
    const author = await em.getRepository(EvaluationReportAuthorEntity).existsBy({ reportId: report.id, userId: actor.id });
    if (actor.role !== Role.ADMIN && !(author && (await this.access.mayWriteResearch(actor, report.pilotId, today(), em)))) {
      throw forbidden('Only the report’s authors (researchers following the pilot) and admins change it');
    }
    if (!OPEN.includes(report.status)) {
      throw conflict(`Version ${report.number} is ${report.status} and locked: start a new version to change the report`, 'input.reportId');
    }
  }

  /** The report a finding belongs to, locked for a change by the caller, or NOT_FOUND/FORBIDDEN/CONFLICT. */
  async lockFindingReport(em: EntityManager, actor: AuthUser, findingId: string): Promise<EvaluationReportEntity> {
    const finding = await this.findingOf(em, findingId);
    const report = await this.lockVisible(em, actor, finding.reportId);
    if (!report) throw notFound('Report finding', findingId);
    await this.assertMayEdit(em, actor, report);
    return report;
  }

  private async createVersion(em: EntityManager, actor: AuthUser, input: StartEvaluationReportInput): Promise<EvaluationReportEntity> {
    const pilot = await em.getRepository(PilotEntity).findOneBy({ id: input.pilotId });
    if (!pilot) throw notFound('Pilot', input.pilotId);
    if (!(await this.access.mayWriteResearch(actor, pilot.id, today(), em))) {
      throw forbidden('Only admins and the researchers following the pilot write its evaluation report');
    }
    // One writer at a time per pilot: the open-version and numbering checks below hold under this lock.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`evaluation_report:${pilot.id}`]);
    const repo = em.getRepository(EvaluationReportEntity);
    const open = await repo.findOneBy({ pilotId: pilot.id, status: In(OPEN) });
    if (open) throw conflict(`Version ${open.number} of this pilot’s report is still ${open.status}: finish it first`, 'input.pilotId');
    const final = await repo.findOneBy({ pilotId: pilot.id, status: ReportStatus.FINAL });
    const [{ next }] = await em.query('SELECT coalesce(max(number), 0) + 1 AS next FROM evaluation_report WHERE pilot_id = $1', [pilot.id]);
    const report = await repo.save(
      repo.create({
        pilotId: pilot.id,
        number: next,
        title: input.title ?? final?.title ?? `Utvärdering av ${pilot.title}`,
        status: ReportStatus.DRAFT,
        basedOnId: final?.id ?? null,
        finalisedAt: null,
        createdBy: actor.id,
      }),
    );
    if (final) await this.copyFrom(em, final.id, report.id);
    else await em.getRepository(ReportSectionEntity).insert(REPORT_SECTIONS.map((s) => ({ reportId: report.id, kind: s.kind, body: '' })));
    await em.createQueryBuilder().insert().into(EvaluationReportAuthorEntity).values({ reportId: report.id, userId: actor.id }).orIgnore().execute();
    await this.audit.record(em, actor, { entity: AuditEntity.EVALUATION_REPORT, entityId: report.id, action: AuditAction.CREATE, before: null, after: report });
    return report;
  }

  /** A new version's content: the final version's sections, authors, standing findings and their standing evidence. */
  private async copyFrom(em: EntityManager, fromId: string, toId: string): Promise<void> {
    await em.query(`INSERT INTO evaluation_report_section (report_id, kind, body) SELECT $2, kind, body FROM evaluation_report_section WHERE report_id = $1`, [
      fromId,
      toId,
    ]);
    await em.query(
      `INSERT INTO evaluation_report_author (report_id, user_id, added_at) SELECT $2, user_id, added_at FROM evaluation_report_author WHERE report_id = $1`,
      [fromId, toId],
    );
    await em.query(
      `INSERT INTO evaluation_report_finding (report_id, section, position, statement, body, idea_id, obstacle_id, effect_id, copied_from_id)
       SELECT $2, section, position, statement, body, idea_id, obstacle_id, effect_id, id
         FROM evaluation_report_finding WHERE report_id = $1 AND withdrawn_at IS NULL`,
      [fromId, toId],
    );
    await em.query(
      // Each link keeps when it was first made (and so its place among the finding's evidence).
      `INSERT INTO evidence_link (kind, report_finding_id, observation_id, segment_id, time_thief_id, supervision_id, wave_id, indicator_id, organisation_id, note, created_by, created_at)
       SELECT el.kind, nf.id, el.observation_id, el.segment_id, el.time_thief_id, el.supervision_id, el.wave_id, el.indicator_id, el.organisation_id, el.note, el.created_by, el.created_at
         FROM evidence_link el JOIN evaluation_report_finding nf ON nf.copied_from_id = el.report_finding_id AND nf.report_id = $1
        WHERE el.withdrawn_at IS NULL`,
      [toId],
    );
  }

  private async supersedeFinal(em: EntityManager, actor: AuthUser, report: EvaluationReportEntity): Promise<void> {
    const repo = em.getRepository(EvaluationReportEntity);
    const final = await repo.findOne({ where: { pilotId: report.pilotId, status: ReportStatus.FINAL }, lock: { mode: 'pessimistic_write' } });
    if (!final) return;
    const before = { ...final };
    final.status = ReportStatus.SUPERSEDED;
    final.version += 1;
    await repo.save(final);
    await this.audit.record(em, actor, {
      entity: AuditEntity.EVALUATION_REPORT,
      entityId: final.id,
      action: AuditAction.UPDATE,
      before,
      after: final,
      reason: `Superseded by version ${report.number}`,
    });
  }

  /** One change to an open version in its own transaction; returns the report as it is after. */
  private edit(
    actor: AuthUser,
    input: ReportEditInput,
    reason: string,
    change: (em: EntityManager, report: EvaluationReportEntity) => Promise<void>,
  ): Promise<EvaluationReportEntity> {
    return this.ds.transaction((em) => this.editIn(em, actor, input, reason, (report) => change(em, report)));
  }

  /** Locks the version, checks the caller, its status and the edit version, makes the change, bumps the version and audits it. */
  private async editIn(
    em: EntityManager,
    actor: AuthUser,
    input: ReportEditInput,
    reason: string,
    change: (report: EvaluationReportEntity) => Promise<void>,
  ): Promise<EvaluationReportEntity> {
    const report = await this.lockForEdit(em, actor, input);
    const before = { ...report };
    await change(report);
    report.version += 1;
    const saved = await em.getRepository(EvaluationReportEntity).save(report);
    await this.audit.record(em, actor, {
      entity: AuditEntity.EVALUATION_REPORT,
      entityId: report.id,
      action: AuditAction.UPDATE,
      before,
      after: saved,
      reason,
    });
    return saved;
  }

  private async lockForEdit(em: EntityManager, actor: AuthUser, input: ReportEditInput): Promise<EvaluationReportEntity> {
    const report = await this.lockVisible(em, actor, input.reportId);
    if (!report) throw notFound('Evaluation report', input.reportId);
    await this.assertMayEdit(em, actor, report);
    assertVersion('Evaluation report', report.version, input.expectedVersion);
    return report;
  }

  private lockVisible(em: EntityManager, actor: AuthUser, id: string): Promise<EvaluationReportEntity | null> {
    const qb = em.getRepository(EvaluationReportEntity).createQueryBuilder('er').where('er.id = :id', { id }).setLock('pessimistic_write');
    return applyTo(qb, visibleEvaluationReports(actor, 'er')).getOne();
  }

  private async findingOf(em: EntityManager, id: string): Promise<ReportFindingEntity> {
    const finding = await em.getRepository(ReportFindingEntity).findOneBy({ id, withdrawnAt: IsNull() });
    if (!finding) throw notFound('Report finding', id);
    return finding;
  }

  /** Moves a finding to a new place in its section; the ones between shift by one. */
  private async move(em: EntityManager, finding: ReportFindingEntity, to: number): Promise<void> {
    const [{ last }] = await em.query(
      'SELECT count(*)::int AS last FROM evaluation_report_finding WHERE report_id = $1 AND section = $2 AND withdrawn_at IS NULL',
      [finding.reportId, finding.section],
    );
    const target = Math.min(to, last);
    const [lo, hi, shift] = target < finding.position ? [target, finding.position - 1, 1] : [finding.position + 1, target, -1];
    await em.query(
      `UPDATE evaluation_report_finding SET position = position + $5
        WHERE report_id = $1 AND section = $2 AND withdrawn_at IS NULL AND position BETWEEN $3 AND $4`,
      [finding.reportId, finding.section, lo, hi, shift],
    );
    finding.position = target;
  }

  /** What a finding is about must be the pilot's own, and visible to the writer. */
  private async checkSubject(em: EntityManager, actor: AuthUser, pilotId: string, input: AddReportFindingInput): Promise<void> {
    const subjects: [string | null | undefined, string, new () => { pilotId: string }, (a: AuthUser, alias: string) => SqlFragment][] = [
      [input.ideaId, 'ideaId', IdeaEntity, visibleIdeas],
      [input.obstacleId, 'obstacleId', ObstacleEntity, visibleObstacles],
      [input.effectId, 'effectId', EffectEntity, visibleEffects],
    ];
    const given = subjects.filter(([id]) => id);
    if (given.length > 1) throw badInput(`input.${given[1][1]}`, 'a finding is about at most one idea, obstacle or effect');
    for (const [id, field, entity, rule] of given) {
      const row = await applyTo(em.getRepository(entity).createQueryBuilder('x').where('x.id = :id', { id }), rule(actor, 'x')).getOne();
      if (!row) throw notFound(field.replace(/Id$/, ''), id!);
      if (row.pilotId !== pilotId) throw badInput(`input.${field}`, 'belongs to another pilot');
    }
  }
}
