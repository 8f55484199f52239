import { Args, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/permissions';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { UserEntity } from '../user/user.entity';
import { UserLoaders } from '../user/user.loaders';
import { AuditEntryEntity } from './audit.entity';
import { AuditService } from './audit.service';
import { AuditLogArgs } from './dto/audit-log.args';

@ObjectType({ description: PAGE_DESCRIPTION })
export class AuditEntryConnection extends Connection(AuditEntryEntity, 'AuditEntry') {}

@Resolver(() => AuditEntryEntity)
export class AuditResolver {
  constructor(
    private readonly auditService: AuditService,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Allow('audit.read')
  @Query(() => AuditEntryConnection, { description: 'Every write to research data, newest first. Admins only.' })
  auditLog(@Args() args: AuditLogArgs) {
    return this.auditService.list(args);
  }

  @ResolveField(() => UserEntity, { nullable: true, description: 'Who made the change; null for the system.' })
  actor(entry: AuditEntryEntity, _args: unknown, ctx: GqlContext) {
    return entry.actorId ? this.userLoaders.byId(ctx).load(entry.actorId) : null;
  }
}
