import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { badInput, forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AccessChecks } from '../access/access.checks';
import { visibleEffects } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { EffectsArgs, RecordEffectInput, UpdateEffectInput } from './dto/effect.input';
import { EffectEntity } from './effect.entity';

/** Effects of the pilots the researchers assess (issue 13 §2), recorded and corrected like other research records. */
@Injectable()
export class EffectService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: EffectsArgs): Promise<ConnectionShape<EffectEntity>> {
    const qb = applyTo(this.ds.getRepository(EffectEntity).createQueryBuilder('ef'), visibleEffects(actor, 'ef'));
    const f = args.filter ?? {};
    if (f.pilotId) qb.andWhere('ef.pilotId = :pilotId', { pilotId: f.pilotId });
    if (f.aspect?.length) qb.andWhere('ef.aspect IN (:...aspects)', { aspects: f.aspect });
    if (f.direction?.length) qb.andWhere('ef.direction IN (:...directions)', { directions: f.direction });
    if (f.from) qb.andWhere('ef.periodEnd >= :from', { from: f.from });
    if (f.to) qb.andWhere('ef.periodStart <= :to', { to: f.to });
    return paginate(qb, args, { column: 'ef.periodStart', value: (e) => e.periodStart, direction: 'DESC' });
  }

  async get(actor: AuthUser, id: string): Promise<EffectEntity> {
    const qb = this.ds.getRepository(EffectEntity).createQueryBuilder('ef').where('ef.id = :id', { id });
    const effect = await applyTo(qb, visibleEffects(actor, 'ef')).getOne();
    if (!effect) throw notFound('Effect', id);
    return effect;
  }

  record(actor: AuthUser, input: RecordEffectInput): Promise<EffectEntity> {
    if (input.periodEnd < input.periodStart) throw badInput('input.periodEnd', 'must not be before periodStart');
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'recordEffect',
        input,
        async () => {
          await this.assertMayWrite(em, actor, input.pilotId, input.periodEnd);
          const { clientId: _c, ...fields } = input;
          const repo = em.getRepository(EffectEntity);
          const effect = await repo.save(repo.create({ ...fields, recordedBy: actor.id }));
          await this.audit.record(em, actor, { entity: AuditEntity.EFFECT, entityId: effect.id, action: AuditAction.CREATE, before: null, after: effect });
          return effect;
        },
        (id) => em.getRepository(EffectEntity).findOneBy({ id }),
      ),
    );
  }

  async update(actor: AuthUser, input: UpdateEffectInput): Promise<EffectEntity> {
    const { id, expectedVersion, reason, ...fields } = input;
    return this.ds.transaction(async (em) => {
      const qb = em.getRepository(EffectEntity).createQueryBuilder('ef').where('ef.id = :id', { id }).setLock('pessimistic_write');
      const effect = await applyTo(qb, visibleEffects(actor, 'ef')).getOne();
      if (!effect) throw notFound('Effect', id);
      await this.assertMayWrite(em, actor, effect.pilotId, effect.periodEnd);
      assertVersion('Effect', effect.version, expectedVersion);
      const before = { ...effect };
      Object.assign(effect, changesOf(fields, ['periodStart', 'periodEnd', 'aspect', 'direction', 'evidenceStrength', 'forWhom', 'assessment', 'evidence']));
      if (effect.periodEnd < effect.periodStart) throw badInput('input.periodEnd', 'must not be before periodStart');
      effect.version += 1;
      const saved = await em.getRepository(EffectEntity).save(effect);
      await this.audit.record(em, actor, { entity: AuditEntity.EFFECT, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  private async assertMayWrite(em: EntityManager, actor: AuthUser, pilotId: string, date: string): Promise<void> {
    if (!(await this.access.mayWriteResearch(actor, pilotId, date, em)))
      throw forbidden('Only admins and the researchers following the pilot assess its effects');
  }
}
