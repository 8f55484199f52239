import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import { notFound } from '../../common/errors/domain-error';
import { AccessChecks } from '../access/access.checks';
import { visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { ReportStaffSizeInput, UpdateStaffSizeInput } from './dto/staff-size.input';
import { StaffSizeEntity } from './staff-size.entity';
import { StaffSizeErrors } from './staff-size.errors';

/** Staff sizes are reported and corrected like burden reports: by those who report for the organisation. */
@Injectable()
export class StaffSizeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
  ) {}

  /** Per organisation, oldest first; only organisations whose reports the caller may read. */
  async forOrganisations(actor: AuthUser, organisationIds: readonly string[]): Promise<StaffSizeEntity[]> {
    const qb = this.ds
      .getRepository(StaffSizeEntity)
      .createQueryBuilder('s')
      .where('s.organisationId IN (:...ids)', { ids: organisationIds })
      .orderBy('s.validFrom');
    return applyTo(qb, visibleReports(actor, 's.organisation_id')).getMany();
  }

  report(actor: AuthUser, input: ReportStaffSizeInput): Promise<StaffSizeEntity> {
    if (input.validTo && input.validTo < input.validFrom) throw StaffSizeErrors.endBeforeStart();
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(StaffSizeEntity);
      return this.requests.once(
        em,
        actor,
        'reportStaffSize',
        input,
        async () => {
          await this.access.assertCanReportFor(actor, input.organisationId, em);
          const { clientId: _c, ...fields } = input;
          const row = await repo.save(repo.create({ ...fields, validTo: fields.validTo ?? null, headcount: fields.headcount ?? null, reportedBy: actor.id }));
          await this.audit.record(em, actor, { entity: AuditEntity.STAFF_SIZE, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
          return row;
        },
        (id) => repo.findOneBy({ id }),
      );
    });
  }

  update(actor: AuthUser, input: UpdateStaffSizeInput): Promise<StaffSizeEntity> {
    const { id, expectedVersion, reason, ...fields } = input;
    const changes = changesOf(fields, ['validFrom', 'fte']);
    return this.ds.transaction(async (em) => {
      const row = await this.lockForChange(em, actor, id);
      assertVersion('staff size', row.version, expectedVersion);
      const before = { ...row };
      Object.assign(row, changes);
      if (row.validTo && row.validTo < row.validFrom) throw StaffSizeErrors.endBeforeStart();
      row.version += 1;
      const saved = await em.getRepository(StaffSizeEntity).save(row);
      await this.audit.record(em, actor, { entity: AuditEntity.STAFF_SIZE, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  remove(actor: AuthUser, { id, reason }: RemoveByIdInput): Promise<string> {
    return this.ds.transaction(async (em) => {
      const row = await this.lockForChange(em, actor, id);
      await em.getRepository(StaffSizeEntity).delete({ id });
      await this.audit.record(em, actor, { entity: AuditEntity.STAFF_SIZE, entityId: id, action: AuditAction.DELETE, before: row, after: null, reason });
      return id;
    });
  }

  /** The row, locked, if the caller reports for its organisation (admins: any); otherwise NOT_FOUND. */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<StaffSizeEntity> {
    const row = await em.getRepository(StaffSizeEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('Staff size', id);
    await this.access.assertCanReportFor(actor, row.organisationId, em).catch(() => {
      throw notFound('Staff size', id);
    });
    return row;
  }
}
