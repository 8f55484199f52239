import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { badInput, forbidden, notFound } from '../../common/errors/domain-error';
import { appendStatusChange } from '../../common/status-history/status-change';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { Params } from '../../common/sql/params';
import { AccessChecks } from '../access/access.checks';
import { visibleObstacles } from '../access/access.rules';
import { applyTo, inRaw } from '../access/sql-fragment';
import { BUCKET_STEP } from '../analytics/dto/series.input';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { takesPartInPilotSql } from '../organisation/organisation.sql';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { ObstacleCountsInput, ObstacleCountRow } from './dto/obstacle-counts';
import { ObstaclesArgs, RecordObstacleInput, UpdateObstacleInput, UpdateObstacleStatusInput } from './dto/obstacle.input';
import { ObstacleEntity, ObstacleOrganisationEntity, ObstacleStatusChangeEntity } from './obstacle.entity';
import { OBSTACLE_STATUS_RULES, ObstacleStatus } from './obstacle.enums';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Obstacles in the pilots (issue 13 §1): recorded and corrected by admins and the researchers
 * following the pilot, with a dated status history like time thieves; read per the access rule
 * `visibleObstacles`.
 */
@Injectable()
export class ObstacleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: ObstaclesArgs): Promise<ConnectionShape<ObstacleEntity>> {
    const qb = applyTo(this.ds.getRepository(ObstacleEntity).createQueryBuilder('ob'), visibleObstacles(actor, 'ob'));
    const f = args.filter ?? {};
    if (f.pilotId) qb.andWhere('ob.pilotId = :pilotId', { pilotId: f.pilotId });
    if (f.type?.length) qb.andWhere('ob.type IN (:...types)', { types: f.type });
    if (f.status?.length) qb.andWhere('ob.status IN (:...statuses)', { statuses: f.status });
    if (f.level?.length) qb.andWhere('ob.level IN (:...levels)', { levels: f.level });
    return paginate(qb, args, { column: 'ob.identifiedOn', value: (o) => o.identifiedOn, direction: 'DESC' });
  }

  async get(actor: AuthUser, id: string): Promise<ObstacleEntity> {
    const qb = this.ds.getRepository(ObstacleEntity).createQueryBuilder('ob').where('ob.id = :id', { id });
    const obstacle = await applyTo(qb, visibleObstacles(actor, 'ob')).getOne();
    if (!obstacle) throw notFound('Obstacle', id);
    return obstacle;
  }

  record(actor: AuthUser, input: RecordObstacleInput): Promise<ObstacleEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'recordObstacle',
        input,
        () => this.insert(em, actor, input),
        (id) => em.getRepository(ObstacleEntity).findOneBy({ id }),
      ),
    );
  }

  async updateStatus(actor: AuthUser, input: UpdateObstacleStatusInput): Promise<ObstacleEntity> {
    return this.ds.transaction(async (em) => {
      const obstacle = await this.lockForChange(em, actor, input.id);
      await appendStatusChange(em, ObstacleStatusChangeEntity, { obstacleId: obstacle.id }, OBSTACLE_STATUS_RULES, obstacle.status, input, actor.id);
      const before = { ...obstacle };
      Object.assign(obstacle, { status: input.status, version: obstacle.version + 1 });
      const saved = await em.getRepository(ObstacleEntity).save(obstacle);
      await this.audit.record(em, actor, { entity: AuditEntity.OBSTACLE, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved });
      return saved;
    });
  }

  /** Corrects its description, type, level, cause, proposal or organisations, with the version read and a reason. */
  async update(actor: AuthUser, input: UpdateObstacleInput): Promise<ObstacleEntity> {
    const { id, expectedVersion, reason, organisationIds, ...fields } = input;
    return this.ds.transaction(async (em) => {
      const obstacle = await this.lockForChange(em, actor, id);
      assertVersion('Obstacle', obstacle.version, expectedVersion);
      await this.checkCauses(em, fields);
      const before = { ...obstacle, organisationIds: await this.organisationIdsOf(em, id) };
      if (organisationIds) {
        await this.checkOrganisations(em, obstacle.pilotId, organisationIds);
        await em.getRepository(ObstacleOrganisationEntity).delete({ obstacleId: id });
        await this.linkOrganisations(em, id, organisationIds);
      }
      const changed = changesOf(fields, ['type', 'description', 'level', 'causeText', 'proposedChange']);
      Object.assign(obstacle, changed, { version: obstacle.version + 1 });
      const saved = await em.getRepository(ObstacleEntity).save(obstacle);
      const after = { ...saved, organisationIds: organisationIds ?? before.organisationIds };
      await this.audit.record(em, actor, { entity: AuditEntity.OBSTACLE, entityId: id, action: AuditAction.UPDATE, before, after, reason });
      return saved;
    });
  }

  /** Status changes per obstacle, oldest first. */
  async histories(ids: readonly string[]): Promise<ObstacleStatusChangeEntity[]> {
    return this.ds.getRepository(ObstacleStatusChangeEntity).find({ where: { obstacleId: In([...ids]) }, order: { changedOn: 'ASC', recordedAt: 'ASC' } });
  }

  /** The organisations each obstacle names. */
  async organisationLinks(ids: readonly string[]): Promise<ObstacleOrganisationEntity[]> {
    return this.ds.getRepository(ObstacleOrganisationEntity).findBy({ obstacleId: In([...ids]) });
  }

  /**
   * Per bucket and type, over the obstacles the caller may see: how many were identified, how
   * many removed, and how many were still open (not removed or kept) at the bucket's end.
   */
  async counts(actor: AuthUser, input: ObstacleCountsInput): Promise<ObstacleCountRow[]> {
    if (input.to < input.from) throw badInput('input.to', 'must not be before from');
    const p = new Params();
    const [unit, step] = BUCKET_STEP[input.bucket];
    const from = p.add(input.from, '::date');
    const to = p.add(input.to, '::date');
    const pilot = input.pilotId ? `AND ob.pilot_id = ${p.add(input.pilotId, '::uuid')}` : '';
    return this.ds.query(
      `WITH b AS (
         SELECT greatest(gs::date, ${from}) AS bstart, least((gs + ${p.add(step, '::interval')} - interval '1 day')::date, ${to}) AS bend
           FROM generate_series(date_trunc(${p.add(unit, '::text')}, ${from}), ${to}, ${p.add(step, '::interval')}) gs
       ), ob AS (
         SELECT ob.id, ob.type, ob.identified_on FROM obstacle ob WHERE ${inRaw(visibleObstacles(actor, 'ob'), p)} ${pilot}
       )
       SELECT to_char(b.bstart, 'YYYY-MM-DD') AS "bucketStart", to_char(b.bend, 'YYYY-MM-DD') AS "bucketEnd", t.type::text AS type,
              count(*) FILTER (WHERE ob.identified_on BETWEEN b.bstart AND b.bend)::int AS identified,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM obstacle_status_change c WHERE c.obstacle_id = ob.id AND c.status = 'REMOVED'
                                                AND c.changed_on BETWEEN b.bstart AND b.bend))::int AS removed,
              count(*) FILTER (WHERE ob.identified_on <= b.bend AND coalesce((
                  SELECT c.status::text FROM obstacle_status_change c WHERE c.obstacle_id = ob.id AND c.changed_on <= b.bend
                   ORDER BY c.changed_on DESC, c.recorded_at DESC LIMIT 1), 'IDENTIFIED') NOT IN ('REMOVED', 'KEPT'))::int AS open
         FROM b CROSS JOIN (SELECT DISTINCT type FROM ob) t JOIN ob ON ob.type = t.type
        GROUP BY b.bstart, b.bend, t.type
        ORDER BY b.bstart, t.type`,
      p.values,
    );
  }

  private async insert(em: EntityManager, actor: AuthUser, input: RecordObstacleInput): Promise<ObstacleEntity> {
    if (!(await this.access.mayWriteResearch(actor, input.pilotId, input.identifiedOn, em))) {
      throw forbidden('Only admins and the researchers following the pilot record its obstacles');
    }
    await this.checkOrganisations(em, input.pilotId, input.organisationIds);
    await this.checkCauses(em, input);
    const { clientId: _c, organisationIds, ...fields } = input;
    const repo = em.getRepository(ObstacleEntity);
    const obstacle = await repo.save(
      repo.create({
        ...fields,
        causeInstrumentId: input.causeInstrumentId ?? null,
        causeOrganisationId: input.causeOrganisationId ?? null,
        changeBy: input.changeBy ?? null,
        status: ObstacleStatus.IDENTIFIED,
        recordedBy: actor.id,
      }),
    );
    await this.linkOrganisations(em, obstacle.id, organisationIds);
    await em.getRepository(ObstacleStatusChangeEntity).insert({
      obstacleId: obstacle.id,
      status: ObstacleStatus.IDENTIFIED,
      reason: null,
      changedOn: input.identifiedOn,
      changedBy: actor.id,
    });
    await this.audit.record(em, actor, {
      entity: AuditEntity.OBSTACLE,
      entityId: obstacle.id,
      action: AuditAction.CREATE,
      before: null,
      after: { ...obstacle, organisationIds },
    });
    return obstacle;
  }

  /** The obstacle, locked, if the caller may change it (a researcher following its pilot, an admin). */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<ObstacleEntity> {
    const qb = em.getRepository(ObstacleEntity).createQueryBuilder('ob').where('ob.id = :id', { id }).setLock('pessimistic_write');
    const obstacle = await applyTo(qb, visibleObstacles(actor, 'ob')).getOne();
    if (!obstacle) throw notFound('Obstacle', id);
    if (!(await this.access.mayWriteResearch(actor, obstacle.pilotId, today(), em))) {
      throw forbidden('Only admins and the researchers following the pilot change its obstacles');
    }
    return obstacle;
  }

  private async checkOrganisations(em: EntityManager, pilotId: string, organisationIds: string[]): Promise<void> {
    for (const [i, organisationId] of organisationIds.entries()) {
      const [{ ok }] = await em.query(takesPartInPilotSql('$1::uuid', '$2::uuid'), [pilotId, organisationId]);
      if (!ok) throw badInput(`input.organisationIds.${i}`, 'neither this organisation nor one it belongs to takes part in the pilot');
    }
  }

  private async checkCauses(em: EntityManager, input: { causeInstrumentId?: string | null; causeOrganisationId?: string | null }): Promise<void> {
    if (input.causeInstrumentId && !(await em.getRepository(SteeringInstrumentEntity).exists({ where: { id: input.causeInstrumentId } }))) {
      throw notFound('Steering instrument', input.causeInstrumentId);
    }
    if (input.causeOrganisationId && !(await em.getRepository(OrganisationEntity).exists({ where: { id: input.causeOrganisationId } }))) {
      throw notFound('Organisation', input.causeOrganisationId);
    }
  }

  private async linkOrganisations(em: EntityManager, obstacleId: string, organisationIds: string[]): Promise<void> {
    if (organisationIds.length)
      await em.getRepository(ObstacleOrganisationEntity).insert(organisationIds.map((organisationId) => ({ obstacleId, organisationId })));
  }

  private async organisationIdsOf(em: EntityManager, obstacleId: string): Promise<string[]> {
    return (await em.getRepository(ObstacleOrganisationEntity).findBy({ obstacleId })).map((l) => l.organisationId).sort();
  }
}
