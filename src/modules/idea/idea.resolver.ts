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
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { IdeasArgs, PublishIdeaInput, RecordIdeaInput, UpdateIdeaInput } from './dto/idea.input';
import { IdeaEntity } from './idea.entity';
import { IdeaService } from './idea.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class IdeaConnection extends Connection(IdeaEntity, 'Idea') {}

@Resolver(() => IdeaEntity)
export class IdeaResolver {
  constructor(
    private readonly service: IdeaService,
    private readonly pilotLoaders: PilotLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Query(() => IdeaConnection, {
    description: 'By title. Published ideas for everyone signed in; drafts also for admins, analysts and the researchers of the idea’s pilot.',
  })
  ideas(@CurrentUser() actor: AuthUser, @Args() args: IdeasArgs) {
    return this.service.list(actor, args);
  }

  @Query(() => IdeaEntity, { description: 'One idea (NOT_FOUND if you may not see it).' })
  idea(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('observations.write')
  @Mutation(() => IdeaEntity, { description: 'A new idea-bank entry from a pilot (admins and the researchers following it), as a draft.' })
  recordIdea(@CurrentUser() actor: AuthUser, @Args('input') input: RecordIdeaInput) {
    return this.service.record(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => IdeaEntity, { description: 'Corrects an idea, with the version you read and a reason; earlier values stay in its history.' })
  updateIdea(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateIdeaInput) {
    return this.service.update(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => IdeaEntity, { description: 'Publishes a draft, with a reason: every signed-in user, org reporters included, can then read it.' })
  publishIdea(@CurrentUser() actor: AuthUser, @Args('input') input: PublishIdeaInput) {
    return this.service.publish(actor, input);
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The pilot it comes from (null if you may not see it).' })
  pilot(i: IdeaEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(i.pilotId);
  }

  @ResolveField(() => [OrganisationEntity], { description: 'The organisations it comes from (those you may see).' })
  organisations(i: IdeaEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.linkedThrough(ctx, 'idea_organisation', 'idea_id').load(i.id);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its recording and every change, oldest first.' })
  history(i: IdeaEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.IDEA).load(i.id);
  }
}
