import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { diffRecords } from './audit.diff';
import { AuditEntryEntity } from './audit.entity';
import { AuditAction, AuditEntity } from './audit.enums';
import { AuditLogArgs } from './dto/audit-log.args';

export interface AuditRecord {
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
  /** Why (corrections: withdrawals, restores, resubmissions, edits). */
  reason?: string | null;
}

/**
 * Writes the audit trail. Call `record` with the EntityManager of the transaction that makes
 * the change, so the entry commits or rolls back with it.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(em: EntityManager, actor: AuthUser | null, ...records: AuditRecord[]): Promise<void> {
    const rows = records
      .map((r) => ({
        actorId: actor?.id ?? null,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        reason: r.reason ?? null,
        changes: diffRecords(r.before, r.after),
      }))
      .filter((r) => r.action !== AuditAction.UPDATE || Object.keys(r.changes).length > 0);
    if (!rows.length) return;
    const repo = em.getRepository(AuditEntryEntity);
    await repo.insert(rows);
  }

  list(args: AuditLogArgs): Promise<ConnectionShape<AuditEntryEntity>> {
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a');
    const f = args.filter ?? {};
    if (f.entity?.length) qb.andWhere('a.entity IN (:...entities)', { entities: f.entity });
    if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.actorId) qb.andWhere('a.actorId = :actorId', { actorId: f.actorId });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    return paginate(qb, args, { column: 'a.seq', value: (a) => a.seq, direction: 'DESC' });
  }
}
