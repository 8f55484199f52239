import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { AuditEntryEntity } from './audit.entity';
import { AuditEntity } from './audit.enums';

@Injectable()
export class AuditLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * A record's changes, oldest first: who, when, why, and the values before and after. Only for
   * records the caller may see: the parent field resolved, so the record passed its access rule.
   */
  history(ctx: GqlContext, entity: AuditEntity) {
    return requestLoader<string, AuditEntryEntity[]>(ctx, `audit.history.${entity}`, async (ids) => {
      const rows = await this.ds
        .getRepository(AuditEntryEntity)
        .createQueryBuilder('a')
        .where('a.entity = :entity AND a.entityId IN (:...ids)', { entity, ids })
        .orderBy('a.seq')
        .getMany();
      return manyByKey(ids, rows, (a) => a.entityId);
    });
  }
}
