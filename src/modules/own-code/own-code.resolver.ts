import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Allow } from '../access/permissions';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { FrameworkCodes } from '../observation/framework-codes';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { CreateOwnCodeInput, MergeOwnCodesInput, OwnCodesArgs, RetireOwnCodeInput, UpdateOwnCodeInput } from './dto/own-code.input';
import { OwnCodeEntity } from './own-code.entity';
import { OwnCodeLoaders } from './own-code.loaders';
import { OwnCodeService } from './own-code.service';

@Resolver(() => OwnCodeEntity)
export class OwnCodeResolver {
  constructor(
    private readonly service: OwnCodeService,
    private readonly loaders: OwnCodeLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Allow('observations.read')
  @Query(() => [OwnCodeEntity], {
    description: 'Researchers’ own codes by name: admins and analysts all, researchers the shared ones and those of their pilots; org reporters none.',
  })
  ownCodes(@CurrentUser() actor: AuthUser, @Args() args: OwnCodesArgs) {
    return this.service.list(actor, args);
  }

  @Allow('observations.read')
  @Query(() => OwnCodeEntity, { description: 'One own code (NOT_FOUND if you may not see it).' })
  ownCode(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('observations.write')
  @Mutation(() => OwnCodeEntity, { description: 'A new own code, shared or kept to one pilot (admins; researchers, a pilot’s codes if they follow it).' })
  createOwnCode(@CurrentUser() actor: AuthUser, @Args('input') input: CreateOwnCodeInput) {
    return this.service.create(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => OwnCodeEntity, { description: 'Corrects an own code’s name, description, colour or parent, with the version you read and a reason.' })
  updateOwnCode(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateOwnCodeInput) {
    return this.service.update(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => OwnCodeEntity, { description: 'Retires an own code, with a reason: it takes no new codings; those it has stay and count.' })
  retireOwnCode(@CurrentUser() actor: AuthUser, @Args('input') input: RetireOwnCodeInput) {
    return this.service.retire(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => OwnCodeEntity, {
    description:
      'Merges an own code into another, with a reason: its codings and child codes move there (each change in its record’s history) and it is retired.',
  })
  mergeOwnCodes(@CurrentUser() actor: AuthUser, @Args('input') input: MergeOwnCodesInput) {
    return this.service.merge(actor, input);
  }

  @ResolveField(() => Boolean, { description: 'True when shared by every pilot; false when kept to `pilot`.' })
  shared(c: OwnCodeEntity) {
    return c.pilotId === null;
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The pilot it is kept to (null when shared, or when you may not see the pilot).' })
  pilot(c: OwnCodeEntity, _args: unknown, ctx: GqlContext) {
    return c.pilotId ? this.pilotLoaders.byId(ctx).load(c.pilotId) : null;
  }

  @ResolveField(() => OwnCodeEntity, { nullable: true, description: 'The own code it sits under.' })
  parent(c: OwnCodeEntity, _args: unknown, ctx: GqlContext) {
    return c.parentId ? this.loaders.byId(ctx).load(c.parentId) : null;
  }

  @ResolveField(() => OwnCodeEntity, { nullable: true, description: 'The code it was merged into (its codings are there now).' })
  mergedInto(c: OwnCodeEntity, _args: unknown, ctx: GqlContext) {
    return c.mergedIntoId ? this.loaders.byId(ctx).load(c.mergedIntoId) : null;
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its creation and every change, oldest first.' })
  history(c: OwnCodeEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.OWN_CODE).load(c.id);
  }
}

/** The own codes of a coding (observation or segment), as the caller may see them. */
@Resolver(() => FrameworkCodes)
export class FrameworkCodesOwnCodesResolver {
  constructor(private readonly loaders: OwnCodeLoaders) {}

  @ResolveField(() => [OwnCodeEntity], { description: 'Researchers’ own codes (those you may see).' })
  async ownCodes(c: FrameworkCodes, _args: unknown, ctx: GqlContext) {
    const codes = await this.loaders.byId(ctx).loadMany(c.ownCodeIds ?? []);
    return codes.filter((x): x is OwnCodeEntity => !!x && !(x instanceof Error));
  }
}
