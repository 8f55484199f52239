import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { analyticsAreLogged } from '../access/access.rules';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AnalyticsAccessEntity } from './access-log.entity';
import { AnalyticsAccessArgs } from './dto/discretion-results.input';

/** Every analytics query and export by an analyst is logged: who, when, which operation, with which arguments. */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(actor: AuthUser, operation: string, args: object): Promise<void> {
    if (!analyticsAreLogged(actor)) return;
    await this.ds.getRepository(AnalyticsAccessEntity).insert({ userId: actor.id, operation, arguments: JSON.parse(JSON.stringify(args)) });
  }

  list(args: AnalyticsAccessArgs): Promise<ConnectionShape<AnalyticsAccessEntity>> {
    const qb = this.ds.getRepository(AnalyticsAccessEntity).createQueryBuilder('l');
    const f = args.filter ?? {};
    if (f.userId) qb.andWhere('l.userId = :userId', { userId: f.userId });
    if (f.operation) qb.andWhere('l.operation = :operation', { operation: f.operation });
    if (f.from) qb.andWhere('l.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('l.at < :to', { to: f.to });
    return paginate(qb, args, { column: 'l.seq', value: (l) => l.seq, direction: 'DESC' });
  }
}
