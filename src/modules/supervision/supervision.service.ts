import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { badInput, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AccessChecks } from '../access/access.checks';
import { reportableOrganisations, visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { OrganisationKind } from '../organisation/organisation.enums';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { RecordSupervisionInteractionInput, SupervisionInteractionsArgs, UpdateSupervisionInteractionInput } from './dto/supervision.input';
import { SupervisionInteractionEntity } from './supervision.entity';

type Links = Pick<SupervisionInteractionEntity, 'organisationId' | 'supervisorId' | 'overlapsInteractionId' | 'overlapsInstrumentId'> & { id?: string };

/**
 * Supervisory contacts (tillsyn, issue 13 §4), reported like other reports about an
 * organisation: by admins, its org reporters and the researchers of its pilots; read in the
 * same scope (visibleReports).
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: SupervisionInteractionsArgs): Promise<ConnectionShape<SupervisionInteractionEntity>> {
    const qb = applyTo(this.ds.getRepository(SupervisionInteractionEntity).createQueryBuilder('si'), visibleReports(actor, 'si.organisation_id'));
    const f = args.filter ?? {};
    if (f.organisationId) qb.andWhere(`si.organisation_id IN (${subtreeIdsSql(':filterOrgId')})`, { filterOrgId: f.organisationId });
    if (f.supervisorId) qb.andWhere('si.supervisorId = :supervisorId', { supervisorId: f.supervisorId });
    if (f.kind?.length) qb.andWhere('si.kind IN (:...kinds)', { kinds: f.kind });
    if (f.from) qb.andWhere('si.occurredOn >= :from', { from: f.from });
    if (f.to) qb.andWhere('si.occurredOn <= :to', { to: f.to });
    if (f.overlapping !== undefined) {
      qb.andWhere(
        `${f.overlapping ? '' : 'NOT '}(si.overlaps_interaction_id IS NOT NULL OR si.overlaps_instrument_id IS NOT NULL
          OR EXISTS (SELECT 1 FROM supervision_interaction sio WHERE sio.overlaps_interaction_id = si.id))`,
      );
    }
    return paginate(qb, args, { column: 'si.occurredOn', value: (si) => si.occurredOn, direction: 'DESC' });
  }

  async get(actor: AuthUser, id: string): Promise<SupervisionInteractionEntity> {
    const qb = this.ds.getRepository(SupervisionInteractionEntity).createQueryBuilder('si').where('si.id = :id', { id });
    const row = await applyTo(qb, visibleReports(actor, 'si.organisation_id')).getOne();
    if (!row) throw notFound('Supervision interaction', id);
    return row;
  }

  record(actor: AuthUser, input: RecordSupervisionInteractionInput): Promise<SupervisionInteractionEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'recordSupervisionInteraction',
        input,
        async () => {
          await this.access.assertCanReportFor(actor, input.organisationId, em);
          const { clientId: _c, ...fields } = input;
          const links = { ...fields, overlapsInteractionId: input.overlapsInteractionId ?? null, overlapsInstrumentId: input.overlapsInstrumentId ?? null };
          await this.checkLinks(em, actor, links);
          const repo = em.getRepository(SupervisionInteractionEntity);
          const row = await repo.save(
            repo.create({ ...links, frequency: input.frequency ?? null, supportedLearning: input.supportedLearning ?? null, recordedBy: actor.id }),
          );
          await this.audit.record(em, actor, { entity: AuditEntity.SUPERVISION, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
          return row;
        },
        (id) => em.getRepository(SupervisionInteractionEntity).findOneBy({ id }),
      ),
    );
  }

  async update(actor: AuthUser, input: UpdateSupervisionInteractionInput): Promise<SupervisionInteractionEntity> {
    const { id, expectedVersion, reason, ...fields } = input;
    return this.ds.transaction(async (em) => {
      const qb = em.getRepository(SupervisionInteractionEntity).createQueryBuilder('si').where('si.id = :id', { id }).setLock('pessimistic_write');
      const row = await applyTo(qb, reportableOrganisations(actor, 'si.organisation_id')).getOne();
      if (!row) throw notFound('Supervision interaction', id);
      assertVersion('Supervision interaction', row.version, expectedVersion);
      const before = { ...row };
      Object.assign(
        row,
        changesOf(fields, [
          'supervisorId',
          'occurredOn',
          'kind',
          'dataRequested',
          'frequency',
          'staffHours',
          'overlapsInteractionId',
          'overlapsInstrumentId',
          'character',
          'feedback',
          'supportedLearning',
        ]),
      );
      await this.checkLinks(em, actor, row);
      row.version += 1;
      const saved = await em.getRepository(SupervisionInteractionEntity).save(row);
      await this.audit.record(em, actor, { entity: AuditEntity.SUPERVISION, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  /** The supervisor is a supervisory agency; an overlap names another contact with the same organisation, or an instrument. */
  private async checkLinks(em: EntityManager, actor: AuthUser, row: Links): Promise<void> {
    const supervisor = await em.getRepository(OrganisationEntity).findOneBy({ id: row.supervisorId });
    if (!supervisor) throw notFound('Organisation', row.supervisorId);
    if (supervisor.kind !== OrganisationKind.SUPERVISORY_AGENCY) throw badInput('input.supervisorId', 'is not a supervisory agency (kind SUPERVISORY_AGENCY)');
    if (row.overlapsInteractionId) {
      if (row.overlapsInteractionId === row.id) throw badInput('input.overlapsInteractionId', 'cannot be the contact itself');
      const qb = em.getRepository(SupervisionInteractionEntity).createQueryBuilder('si').where('si.id = :other', { other: row.overlapsInteractionId });
      const other = await applyTo(qb, visibleReports(actor, 'si.organisation_id')).getOne();
      if (!other) throw notFound('Supervision interaction', row.overlapsInteractionId);
      if (other.organisationId !== row.organisationId) throw badInput('input.overlapsInteractionId', 'is a contact with another organisation');
    }
    if (row.overlapsInstrumentId && !(await em.getRepository(SteeringInstrumentEntity).exists({ where: { id: row.overlapsInstrumentId } }))) {
      throw notFound('Steering instrument', row.overlapsInstrumentId);
    }
  }
}
