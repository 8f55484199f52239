import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { EffectsArgs, RecordEffectInput, UpdateEffectInput } from './dto/effect.input';
import { EffectEntity } from './effect.entity';
import { EffectService } from './effect.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class EffectConnection extends Connection(EffectEntity, 'Effect') {}

@Resolver(() => EffectEntity)
export class EffectResolver {
  constructor(
    private readonly service: EffectService,
    private readonly pilotLoaders: PilotLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Allow('observations.read')
  @Query(() => EffectConnection, { description: 'Latest period first. Admins and analysts see all; researchers those of the pilots they follow.' })
  effects(@CurrentUser() actor: AuthUser, @Args() args: EffectsArgs) {
    return this.service.list(actor, args);
  }

  @Allow('observations.read')
  @Query(() => EffectEntity, { description: 'One assessed effect (NOT_FOUND if you may not see it).' })
  effect(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('observations.write')
  @Mutation(() => EffectEntity, { description: 'Records an assessed effect of a pilot for a period (admins and researchers following it).' })
  recordEffect(@CurrentUser() actor: AuthUser, @Args('input') input: RecordEffectInput) {
    return this.service.record(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EffectEntity, { description: 'Corrects an assessed effect, with the version you read and a reason; earlier values stay in its history.' })
  updateEffect(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateEffectInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The pilot.' })
  pilot(e: EffectEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(e.pilotId);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its recording and every correction, oldest first.' })
  history(e: EffectEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.EFFECT).load(e.id);
  }
}
