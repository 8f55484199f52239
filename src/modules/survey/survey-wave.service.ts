import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AccessChecks } from '../access/access.checks';
import { visibleWaves } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { takesPartInPilotSql } from '../organisation/organisation.sql';
import { PilotEntity } from '../pilot/pilot.entity';
import { CloseSurveyWaveInput, DeleteSurveyWaveInput, OpenSurveyWaveInput, ReopenSurveyWaveInput, SurveyWavesArgs } from './dto/survey.input';
import { SurveyInstrumentEntity } from './survey-instrument.entity';
import { SurveyWaveEntity, SurveyWaveUnitEntity } from './survey-wave.entity';
import { SurveyErrors } from './survey.errors';

/**
 * A survey wave's life: opened by an admin or a researcher following the pilot, closed early or
 * reopened with a reason, deleted (with a reason) only while no response has arrived.
 */
@Injectable()
export class SurveyWaveService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
  ) {}

  /** Admins, analysts and researchers see every wave; org reporters the waves that target their units. */
  list(actor: AuthUser, args: SurveyWavesArgs): Promise<ConnectionShape<SurveyWaveEntity>> {
    const qb = applyTo(this.ds.getRepository(SurveyWaveEntity).createQueryBuilder('w'), visibleWaves(actor, 'w.id'));
    const f = args.filter ?? {};
    if (f.pilotId) qb.andWhere('w.pilotId = :pilotId', { pilotId: f.pilotId });
    if (f.instrumentId) qb.andWhere('w.instrumentId = :instrumentId', { instrumentId: f.instrumentId });
    return paginate(qb, args, { column: 'w.opensOn', value: (w) => w.opensOn });
  }

  /** One wave the caller may see; otherwise NOT_FOUND, as if it did not exist. */
  async visible(actor: AuthUser, id: string): Promise<SurveyWaveEntity> {
    const qb = this.ds.getRepository(SurveyWaveEntity).createQueryBuilder('w').where('w.id = :id', { id });
    const wave = await applyTo(qb, visibleWaves(actor, 'w.id')).getOne();
    if (!wave) throw notFound('Survey wave', id);
    return wave;
  }

  /** The units a wave asks. */
  async unitIdsOf(waveId: string): Promise<string[]> {
    return (await this.ds.getRepository(SurveyWaveUnitEntity).findBy({ waveId })).map((u) => u.organisationId);
  }

  open(actor: AuthUser, input: OpenSurveyWaveInput): Promise<SurveyWaveEntity> {
    if (input.closesOn < input.opensOn) throw SurveyErrors.closesBeforeOpens();
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'openSurveyWave',
        input,
        () => this.insert(em, actor, input),
        (id) => em.getRepository(SurveyWaveEntity).findOneBy({ id }),
      ),
    );
  }

  close(actor: AuthUser, input: CloseSurveyWaveInput): Promise<SurveyWaveEntity> {
    return this.ds.transaction(async (em) => {
      const wave = await this.lockForChange(em, actor, input.id);
      if (wave.closedAt) return wave;
      return this.save(em, actor, wave, { closedAt: new Date() }, input.reason);
    });
  }

  reopen(actor: AuthUser, input: ReopenSurveyWaveInput): Promise<SurveyWaveEntity> {
    return this.ds.transaction(async (em) => {
      const wave = await this.lockForChange(em, actor, input.id);
      const closesOn = input.closesOn ?? wave.closesOn;
      const [{ today }]: { today: string }[] = await em.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
      if (closesOn < today) throw SurveyErrors.reopenNeedsDate(wave.closesOn, today, input.closesOn ?? null);
      if (closesOn < wave.opensOn) throw SurveyErrors.closesBeforeOpens();
      if (!wave.closedAt && closesOn === wave.closesOn) return wave;
      return this.save(em, actor, wave, { closedAt: null, closesOn }, input.reason);
    });
  }

  /** Only while empty: a wave with responses (also withdrawn ones) is part of the record; close it instead. */
  delete(actor: AuthUser, input: DeleteSurveyWaveInput): Promise<string> {
    return this.ds.transaction(async (em) => {
      const wave = await this.lockForChange(em, actor, input.id);
      const [{ batches, responses }]: { batches: number; responses: number }[] = await em.query(
        `SELECT count(*)::int AS batches, coalesce(sum(response_count), 0)::int AS responses FROM survey_batch WHERE wave_id = $1`,
        [wave.id],
      );
      if (batches) throw SurveyErrors.notEmpty(responses, batches);
      const unitIds = (await em.getRepository(SurveyWaveUnitEntity).findBy({ waveId: wave.id })).map((u) => u.organisationId);
      await em.getRepository(SurveyWaveEntity).delete({ id: wave.id });
      await this.audit.record(em, actor, {
        entity: AuditEntity.SURVEY_WAVE,
        entityId: wave.id,
        action: AuditAction.DELETE,
        before: { ...wave, unitIds },
        after: null,
        reason: input.reason,
      });
      return wave.id;
    });
  }

  private async insert(em: EntityManager, actor: AuthUser, input: OpenSurveyWaveInput): Promise<SurveyWaveEntity> {
    if (!(await em.getRepository(PilotEntity).exists({ where: { id: input.pilotId } }))) throw notFound('Pilot', input.pilotId);
    if (!(await em.getRepository(SurveyInstrumentEntity).exists({ where: { id: input.instrumentId } }))) {
      throw notFound('Survey instrument', input.instrumentId);
    }
    if (!(await this.access.mayScheduleWave(actor, input, em))) throw SurveyErrors.notFollowing();
    for (const [i, unitId] of input.unitIds.entries()) {
      const [{ ok }] = await em.query(takesPartInPilotSql('$1::uuid', '$2::uuid'), [input.pilotId, unitId]);
      if (!ok) throw SurveyErrors.unitNotInPilot(`input.unitIds.${i}`);
    }
    await this.refuseTwin(em, input);
    const repo = em.getRepository(SurveyWaveEntity);
    const { unitIds, clientId: _c, ...fields } = input;
    const wave = await repo.save(repo.create({ ...fields, closedAt: null, createdBy: actor.id }));
    await em.getRepository(SurveyWaveUnitEntity).insert(unitIds.map((organisationId) => ({ waveId: wave.id, organisationId })));
    await this.audit.record(em, actor, {
      entity: AuditEntity.SURVEY_WAVE,
      entityId: wave.id,
      action: AuditAction.CREATE,
      before: null,
      after: { ...wave, unitIds },
    });
    return wave;
  }

  /**
   * The same wave twice (same label, pilot, overlapping dates, a unit in common) would split one
   * round's answers in two: CONFLICT, naming the other. Serialised per pilot, so two concurrent
   * twins cannot both pass.
   */
  private async refuseTwin(em: EntityManager, input: OpenSurveyWaveInput): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`survey_wave:${input.pilotId}`]);
    const [twin]: { id: string; label: string; opens_on: string; closes_on: string }[] = await em.query(
      `SELECT w.id, w.label, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(w.closes_on, 'YYYY-MM-DD') AS closes_on
         FROM survey_wave w
        WHERE w.pilot_id = $1 AND lower(btrim(w.label)) = lower(btrim($2))
          AND daterange(w.opens_on, w.closes_on, '[]') && daterange($3::date, $4::date, '[]')
          AND EXISTS (SELECT 1 FROM survey_wave_unit u WHERE u.wave_id = w.id AND u.organisation_id = ANY($5::uuid[]))
        LIMIT 1`,
      [input.pilotId, input.label, input.opensOn, input.closesOn, input.unitIds],
    );
    if (twin) throw SurveyErrors.twin(twin.id, twin.label, twin.opens_on, twin.closes_on);
  }

  /** The wave, locked, if it exists (else NOT_FOUND) and the caller may change it (admins; researchers following the pilot). */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<SurveyWaveEntity> {
    const qb = em.getRepository(SurveyWaveEntity).createQueryBuilder('w').where('w.id = :id', { id }).setLock('pessimistic_write');
    // A wave the caller cannot see answers like one that does not exist.
    const wave = await applyTo(qb, visibleWaves(actor, 'w.id')).getOne();
    if (!wave) throw notFound('Survey wave', id);
    const unitIds = (await em.getRepository(SurveyWaveUnitEntity).findBy({ waveId: wave.id })).map((u) => u.organisationId);
    if (!(await this.access.mayScheduleWave(actor, { ...wave, unitIds }, em))) throw SurveyErrors.notFollowing();
    return wave;
  }

  private async save(
    em: EntityManager,
    actor: AuthUser,
    wave: SurveyWaveEntity,
    changes: Partial<SurveyWaveEntity>,
    reason: string,
  ): Promise<SurveyWaveEntity> {
    const before = { ...wave };
    const saved = await em.getRepository(SurveyWaveEntity).save(Object.assign(wave, changes));
    await this.audit.record(em, actor, { entity: AuditEntity.SURVEY_WAVE, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved, reason });
    return saved;
  }
}
