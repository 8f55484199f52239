import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { UserEntity } from '../user/user.entity';
import { UserLoaders } from '../user/user.loaders';
import { CreatePilotInput } from './dto/create-pilot.input';
import { AddPilotParticipantInput } from './dto/pilot-participant.input';
import { AddPilotResearcherInput } from './dto/pilot-researcher.input';
import { PilotsArgs } from './dto/pilots.args';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import { UpdatePilotInput } from './dto/update-pilot.input';
import { PilotParticipantEntity } from './pilot-participant.entity';
import { PilotResearcherEntity } from './pilot-researcher.entity';
import { PilotEntity } from './pilot.entity';
import { PilotLoaders } from './pilot.loaders';
import { PilotService } from './pilot.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class PilotConnection extends Connection(PilotEntity, 'Pilot') {}

@Resolver(() => PilotEntity)
export class PilotResolver {
  constructor(
    private readonly pilotService: PilotService,
    private readonly loaders: PilotLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Query(() => PilotConnection, { description: 'Pilots by code. Org reporters see the pilots their organisation takes part in.' })
  pilots(@CurrentUser() actor: AuthUser, @Args() args: PilotsArgs) {
    return this.pilotService.list(actor, args);
  }

  @Query(() => PilotEntity, { description: 'One pilot by id, if you may see it; NOT_FOUND otherwise.' })
  pilot(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.pilotService.get(actor, id);
  }

  @Allow('pilots.manage')
  @Mutation(() => PilotEntity, { description: 'Creates a pilot with its participants and researchers, all or nothing.' })
  createPilot(@CurrentUser() actor: AuthUser, @Args('input') input: CreatePilotInput) {
    return this.pilotService.create(actor, input);
  }

  @Allow('pilots.manage')
  @Mutation(() => PilotEntity, { description: 'Corrects a pilot, with a reason (admins).' })
  updatePilot(@CurrentUser() actor: AuthUser, @Args('input') input: UpdatePilotInput) {
    return this.pilotService.update(actor, input);
  }

  @Allow('pilots.manage')
  @Mutation(() => PilotParticipantEntity, { description: 'Adds an organisation to a pilot at a steering-chain level (admins).' })
  addPilotParticipant(@CurrentUser() actor: AuthUser, @Args('input') input: AddPilotParticipantInput) {
    return this.pilotService.addParticipant(actor, input);
  }

  @Allow('pilots.manage')
  @Mutation(() => ID, { description: 'Returns the id of the removed participation.' })
  removePilotParticipant(@CurrentUser() actor: AuthUser, @Args('input') input: RemoveByIdInput) {
    return this.pilotService.removeParticipant(actor, input);
  }

  @Allow('pilots.manage')
  @Mutation(() => PilotResearcherEntity, { description: 'Lets a researcher follow a pilot (admins).' })
  addPilotResearcher(@CurrentUser() actor: AuthUser, @Args('input') input: AddPilotResearcherInput) {
    return this.pilotService.addResearcher(actor, input);
  }

  @Allow('pilots.manage')
  @Mutation(() => ID, { description: 'Returns the id of the removed follow-up period.' })
  removePilotResearcher(@CurrentUser() actor: AuthUser, @Args('input') input: RemoveByIdInput) {
    return this.pilotService.removeResearcher(actor, input);
  }

  @ResolveField(() => [PilotParticipantEntity], { description: 'Down the steering chain, then by start date.' })
  participants(pilot: PilotEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.participantsByPilotId(ctx).load(pilot.id);
  }

  @ResolveField(() => [OrganisationEntity], { description: 'Distinct participating organisations, by name.' })
  organisations(pilot: PilotEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.linkedThrough(ctx, 'pilot_participant', 'pilot_id').load(pilot.id);
  }

  @ResolveField(() => [PilotResearcherEntity], { description: 'The researchers who follow or followed it.' })
  researchers(pilot: PilotEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.researchersByPilotId(ctx).load(pilot.id);
  }
}

@Resolver(() => PilotParticipantEntity)
export class PilotParticipantResolver {
  constructor(private readonly organisationLoaders: OrganisationLoaders) {}

  @ResolveField(() => OrganisationEntity, { description: 'The organisation taking part.' })
  organisation(p: PilotParticipantEntity, _args: unknown, ctx: GqlContext) {
    return p.organisation ?? this.organisationLoaders.byId(ctx).load(p.organisationId); // read with the participants
  }
}

@Resolver(() => PilotResearcherEntity)
export class PilotResearcherResolver {
  constructor(private readonly userLoaders: UserLoaders) {}

  @ResolveField(() => UserEntity, { description: 'The researcher.' })
  user(r: PilotResearcherEntity, _args: unknown, ctx: GqlContext) {
    return this.userLoaders.byId(ctx).load(r.userId);
  }
}
