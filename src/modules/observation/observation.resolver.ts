import { Args, ID, Info, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { pageSelection } from '../../common/pagination/page-selection';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { UserEntity } from '../user/user.entity';
import { UserLoaders } from '../user/user.loaders';
import { CodedSegmentEntity } from './coded-segment.entity';
import { AddCodedSegmentInput, UpdateCodedSegmentInput } from './dto/coded-segment.input';
import { DeleteObservationInput, RestoreObservationInput } from './dto/delete-observation.input';
import { LogObservationInput } from './dto/log-observation.input';
import { ObservationsArgs } from './dto/observations.args';
import { UpdateObservationInput } from './dto/update-observation.input';
import { ObservationVersionEntity } from './observation-version.entity';
import { ObservationEntity } from './observation.entity';
import { ObservationLoaders } from './observation.loaders';
import { ObservationService } from './observation.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class ObservationConnection extends Connection(ObservationEntity, 'Observation') {}

@Resolver(() => ObservationEntity)
export class ObservationResolver {
  constructor(
    private readonly observationService: ObservationService,
    private readonly loaders: ObservationLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Allow('observations.read')
  @Query(() => ObservationConnection, { description: 'Newest first. Researchers see the pilots they follow; admins and analysts all.' })
  observations(@CurrentUser() actor: AuthUser, @Args() args: ObservationsArgs, @Info() info: GraphQLResolveInfo) {
    return this.observationService.list(actor, args, pageSelection(info));
  }

  @Allow('observations.read')
  @Query(() => ObservationEntity, { description: 'One observation by id (admins, analysts, researchers of its pilot); NOT_FOUND otherwise.' })
  observation(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.observationService.get(actor, id);
  }

  @Allow('observations.write')
  @Mutation(() => ObservationEntity, { description: 'For a pilot you follow on occurredOn. Safe to retry with the same clientId.' })
  logObservation(@CurrentUser() actor: AuthUser, @Args('input') input: LogObservationInput) {
    return this.observationService.log(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObservationEntity, { description: 'Keeps the previous version; CONFLICT when expectedVersion is not the current one.' })
  updateObservation(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateObservationInput) {
    return this.observationService.update(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObservationEntity, { description: 'Soft delete with a reason; restoreObservation undoes it.' })
  deleteObservation(@CurrentUser() actor: AuthUser, @Args('input') input: DeleteObservationInput) {
    return this.observationService.delete(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObservationEntity, { description: 'Brings a deleted observation back, with a reason (its author, admins).' })
  restoreObservation(@CurrentUser() actor: AuthUser, @Args('input') input: RestoreObservationInput) {
    return this.observationService.restore(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => CodedSegmentEntity, { description: 'Codes the characters [start, end) of an observation’s text.' })
  addCodedSegment(@CurrentUser() actor: AuthUser, @Args('input') input: AddCodedSegmentInput) {
    return this.observationService.addSegment(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => CodedSegmentEntity, { description: 'Re-codes or moves a coded segment, with a reason (its author, admins).' })
  updateCodedSegment(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateCodedSegmentInput) {
    return this.observationService.updateSegment(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ID, { description: 'Returns the id of the removed segment.' })
  removeCodedSegment(@CurrentUser() actor: AuthUser, @Args('input') input: RemoveByIdInput) {
    return this.observationService.removeSegment(actor, input);
  }

  @ResolveField(() => PilotEntity, { description: 'The pilot it belongs to.' })
  pilot(o: ObservationEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(o.pilotId);
  }

  @ResolveField(() => OrganisationEntity, { description: 'Where it was made.' })
  organisation(o: ObservationEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(o.organisationId);
  }

  @ResolveField(() => UserEntity, { description: 'The researcher who logged it.' })
  author(o: ObservationEntity, _args: unknown, ctx: GqlContext) {
    return o.author ?? this.userLoaders.byId(ctx).load(o.authorId); // read with the page that selected it
  }

  @ResolveField(() => [CodedSegmentEntity], { description: 'Its coded passages, in text order.' })
  segments(o: ObservationEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.segments(ctx).load(o.id);
  }

  @ResolveField(() => [ObservationVersionEntity], { description: 'Every state it has had, oldest first.' })
  versions(o: ObservationEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.versions(ctx).load(o.id);
  }
}

@Resolver(() => ObservationVersionEntity)
export class ObservationVersionResolver {
  constructor(private readonly userLoaders: UserLoaders) {}

  @ResolveField(() => UserEntity, { description: 'Who made the change.' })
  changedBy(v: ObservationVersionEntity, _args: unknown, ctx: GqlContext) {
    return this.userLoaders.byId(ctx).load(v.changedBy);
  }
}

@Resolver(() => CodedSegmentEntity)
export class CodedSegmentResolver {
  constructor(private readonly userLoaders: UserLoaders) {}

  @ResolveField(() => UserEntity, { description: 'The researcher who coded it.' })
  author(s: CodedSegmentEntity, _args: unknown, ctx: GqlContext) {
    return this.userLoaders.byId(ctx).load(s.authorId);
  }
}
