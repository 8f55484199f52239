import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, DomainError, forbidden, notFound } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { withdrawal } from '../../database/withdrawal-columns';
import { AccessChecks } from '../access/access.checks';
import { visibleEffects, visibleIdeas, visibleObstacles } from '../access/access.rules';
import { applyTo, SqlFragment } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { CodedSegmentEntity } from '../observation/coded-segment.entity';
import { ObservationEntity } from '../observation/observation.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ReportService } from '../report/report.service';
import { IndicatorEntity } from '../steering/indicator.entity';
import { SupervisionInteractionEntity } from '../supervision/supervision.entity';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';
import { TimeThiefEntity } from '../time-thief/time-thief.entity';
import { EvidenceItem } from './dto/evidence-item';
import { LinkEvidenceInput, UnlinkEvidenceInput } from './dto/evidence.input';
import { EvidenceLinkEntity } from './evidence-link.entity';
import { EvidenceKind, FindingKind } from './evidence.enums';
import { evidenceVisibleSql } from './evidence.sql';

const today = () => new Date().toISOString().slice(0, 10);

/** Each finding kind's column in evidence_link. */
export const FINDING_COLUMN: Record<FindingKind, 'obstacleId' | 'effectId' | 'ideaId' | 'reportFindingId'> = {
  OBSTACLE: 'obstacleId',
  EFFECT: 'effectId',
  IDEA: 'ideaId',
  REPORT_FINDING: 'reportFindingId',
};

/** The research findings that carry a pilot, with their read rule. */
const RESEARCH_FINDINGS: Partial<Record<FindingKind, [new () => ObjectLiteral & { pilotId: string }, (a: AuthUser, alias: string) => SqlFragment]>> = {
  OBSTACLE: [ObstacleEntity, visibleObstacles],
  EFFECT: [EffectEntity, visibleEffects],
  IDEA: [IdeaEntity, visibleIdeas],
};

/** Each evidence kind's column for its evidenceId (BURDEN_SERIES: the indicator). */
const TARGET_COLUMN: Record<EvidenceKind, keyof EvidenceLinkEntity> = {
  OBSERVATION: 'observationId',
  SEGMENT: 'segmentId',
  TIME_THIEF: 'timeThiefId',
  SUPERVISION: 'supervisionId',
  DISCRETION_RESULTS: 'waveId',
  BURDEN_SERIES: 'indicatorId',
};

/** How each kind's target entity is loaded for the items the caller may see. */
const TARGETS: [keyof EvidenceLinkEntity, keyof EvidenceItem, new () => ObjectLiteral & { id: string }][] = [
  ['observationId', 'observation', ObservationEntity],
  ['segmentId', 'segment', CodedSegmentEntity],
  ['timeThiefId', 'timeThief', TimeThiefEntity],
  ['supervisionId', 'supervisionInteraction', SupervisionInteractionEntity],
  ['waveId', 'wave', SurveyWaveEntity],
  ['indicatorId', 'indicator', IndicatorEntity],
  ['organisationId', 'organisation', OrganisationEntity],
];

/**
 * Evidence links (issue 13 §5): a finding tied to the data behind it. Whoever may change the
 * finding links evidence they may see; a reader sees each piece the access rules let them see,
 * and the rest as withheld items (kind only).
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
    private readonly reports: ReportService,
  ) {}

  link(actor: AuthUser, input: LinkEvidenceInput): Promise<EvidenceItem> {
    return this.ds.transaction(async (em) => {
      const link = await this.requests.once(
        em,
        actor,
        'linkEvidence',
        input,
        async () => {
          await this.assertMayChangeFinding(em, actor, input.findingKind, input.findingId);
          const repo = em.getRepository(EvidenceLinkEntity);
          const row = repo.create({
            kind: input.evidenceKind,
            [FINDING_COLUMN[input.findingKind]]: input.findingId,
            ...this.targetOf(input),
            note: input.note,
            createdBy: actor.id,
            ...withdrawal(false, actor.id, ''),
          });
          await this.assertTargetVisible(em, actor, row);
          const saved = await repo.save(row);
          await this.audit.record(em, actor, { entity: AuditEntity.EVIDENCE_LINK, entityId: saved.id, action: AuditAction.CREATE, before: null, after: saved });
          return saved;
        },
        (id) => em.getRepository(EvidenceLinkEntity).findOneBy({ id }),
      );
      return (await this.items(actor, [link], em))[0];
    });
  }

  unlink(actor: AuthUser, input: UnlinkEvidenceInput): Promise<EvidenceItem> {
    return this.ds.transaction(async (em) => {
      const link = await em.getRepository(EvidenceLinkEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!link || link.withdrawnAt) throw notFound('Evidence link', input.id);
      const kind = (Object.keys(FINDING_COLUMN) as FindingKind[]).find((k) => link[FINDING_COLUMN[k]])!;
      await this.assertMayChangeFinding(em, actor, kind, link[FINDING_COLUMN[kind]]!, input.id);
      const before = { ...link };
      Object.assign(link, withdrawal(true, actor.id, input.reason));
      await em.getRepository(EvidenceLinkEntity).save(link);
      await this.audit.record(em, actor, {
        entity: AuditEntity.EVIDENCE_LINK,
        entityId: link.id,
        action: AuditAction.DELETE,
        before,
        after: link,
        reason: input.reason,
      });
      return (await this.items(actor, [link], em))[0];
    });
  }

  /** The standing evidence of each finding of one kind, oldest link first, as the caller may see it. */
  async itemsFor(actor: AuthUser, kind: FindingKind, findingIds: readonly string[]): Promise<EvidenceItem[][]> {
    const column = FINDING_COLUMN[kind];
    const links = await this.ds
      .getRepository(EvidenceLinkEntity)
      .createQueryBuilder('el')
      .where(`el.${column} IN (:...ids) AND el.withdrawnAt IS NULL`, { ids: findingIds })
      .orderBy('el.createdAt', 'ASC')
      .addOrderBy('el.id', 'ASC')
      .getMany();
    const items = await this.items(actor, links);
    return findingIds.map((id) => items.filter((_item, i) => links[i][column] === id));
  }

  /** Links as items: which the caller may see (one statement), then each kind's targets in one query. */
  private async items(actor: AuthUser, links: EvidenceLinkEntity[], em: EntityManager = this.ds.manager): Promise<EvidenceItem[]> {
    if (!links.length) return [];
    const p = new Params();
    const visible: { id: string; visible: boolean }[] = await em.query(
      `SELECT el.id, ${evidenceVisibleSql(actor, p)} AS visible FROM evidence_link el WHERE el.id = ANY(${p.add(
        links.map((l) => l.id),
        '::uuid[]',
      )})`,
      p.values,
    );
    const shown = new Set(visible.filter((v) => v.visible).map((v) => v.id));
    const loaded = new Map<string, ObjectLiteral>();
    for (const [column, , entity] of TARGETS) {
      const ids = [...new Set(links.filter((l) => shown.has(l.id) && l[column]).map((l) => l[column] as string))];
      if (ids.length) for (const row of await em.getRepository(entity).findBy({ id: In(ids) })) loaded.set(`${column}:${row.id}`, row);
    }
    return links.map((l) => {
      const withheld = !shown.has(l.id);
      const item: EvidenceItem = { id: l.id, kind: l.kind, withheld, note: withheld ? null : l.note, linkedAt: l.createdAt } as EvidenceItem;
      for (const [column, field] of TARGETS) {
        (item as unknown as Record<string, unknown>)[field] = withheld || !l[column] ? null : (loaded.get(`${column}:${l[column]}`) ?? null);
      }
      return item;
    });
  }

  private targetOf(input: LinkEvidenceInput): Partial<EvidenceLinkEntity> {
    if (input.evidenceKind === EvidenceKind.BURDEN_SERIES) {
      if (!input.evidenceId && !input.organisationId) throw badInput('input.evidenceId', 'a burden series needs an indicator, a unit (organisationId) or both');
      return { indicatorId: input.evidenceId ?? null, organisationId: input.organisationId ?? null };
    }
    if (!input.evidenceId) throw badInput('input.evidenceId', `is required for ${input.evidenceKind}`);
    if (input.organisationId) throw badInput('input.organisationId', 'is only for BURDEN_SERIES');
    return { [TARGET_COLUMN[input.evidenceKind]]: input.evidenceId };
  }

  /** The linker must see what they link: otherwise it is answered like a missing record. */
  private async assertTargetVisible(em: EntityManager, actor: AuthUser, row: EvidenceLinkEntity): Promise<void> {
    const p = new Params();
    const columns = ['observation_id', 'segment_id', 'time_thief_id', 'supervision_id', 'wave_id', 'indicator_id', 'organisation_id'];
    const values = [row.observationId, row.segmentId, row.timeThiefId, row.supervisionId, row.waveId, row.indicatorId, row.organisationId];
    const [{ ok }] = await em.query(
      `SELECT ${evidenceVisibleSql(actor, p)} AS ok
         FROM (SELECT ${p.add(row.kind, '::evidence_kind')} AS kind, ${columns.map((c, i) => `${p.add(values[i] ?? null, '::uuid')} AS ${c}`).join(', ')}) el`,
      p.values,
    );
    const exists = row.indicatorId ? await em.getRepository(IndicatorEntity).existsBy({ id: row.indicatorId }) : true;
    if (!ok || !exists) throw notFound(`Evidence (${row.kind})`, (row.indicatorId ?? row.organisationId ?? values.find(Boolean)) as string);
  }

  /** Obstacles, effects and ideas: admins and the researchers following the pilot; report findings: as the report (open versions, its authors). */
  private async assertMayChangeFinding(em: EntityManager, actor: AuthUser, kind: FindingKind, id: string, linkId?: string): Promise<void> {
    const research = RESEARCH_FINDINGS[kind];
    if (!research) {
      await this.reports.lockFindingReport(em, actor, id).catch((e: unknown) => {
        throw linkId && e instanceof DomainError && e.code === 'NOT_FOUND' ? notFound('Evidence link', linkId) : e;
      });
      return;
    }
    const [entity, rule] = research;
    const finding = await applyTo(em.getRepository(entity).createQueryBuilder('x').where('x.id = :id', { id }), rule(actor, 'x')).getOne();
    if (!finding) throw linkId ? notFound('Evidence link', linkId) : notFound(kind.toLowerCase(), id);
    if (!(await this.access.mayWriteResearch(actor, finding.pilotId, today(), em))) {
      throw forbidden('Only admins and the researchers following the pilot change its findings’ evidence');
    }
  }
}
