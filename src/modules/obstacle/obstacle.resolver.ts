import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { PeriodCost } from '../../common/graphql/period-cost';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { ObstacleCountRow, ObstacleCountsArgs } from './dto/obstacle-counts';
import { ObstaclesArgs, RecordObstacleInput, UpdateObstacleInput, UpdateObstacleStatusInput } from './dto/obstacle.input';
import { ObstacleEntity, ObstacleStatusChangeEntity } from './obstacle.entity';
import { ObstacleService } from './obstacle.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class ObstacleConnection extends Connection(ObstacleEntity, 'Obstacle') {}

@Resolver(() => ObstacleEntity)
export class ObstacleResolver {
  constructor(
    private readonly service: ObstacleService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly steeringLoaders: SteeringLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Query(() => ObstacleConnection, {
    description:
      'Newest first. Admins and analysts see all; researchers those of the pilots they follow; org reporters those that name their own organisation or a unit of it.',
  })
  obstacles(@CurrentUser() actor: AuthUser, @Args() args: ObstaclesArgs) {
    return this.service.list(actor, args);
  }

  @Query(() => ObstacleEntity, { description: 'One obstacle (NOT_FOUND if you may not see it).' })
  obstacle(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [ObstacleCountRow], { description: 'Obstacles by type per bucket: identified, removed, and open at the bucket’s end; scoped like obstacles.' })
  obstacleCounts(@CurrentUser() actor: AuthUser, @Args() { input }: ObstacleCountsArgs) {
    return this.service.counts(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObstacleEntity, { description: 'Records an obstacle in a pilot (admins and researchers following it); it starts IDENTIFIED.' })
  recordObstacle(@CurrentUser() actor: AuthUser, @Args('input') input: RecordObstacleInput) {
    return this.service.record(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObstacleEntity, {
    description: 'A dated status change: raised, being addressed, removed, or kept (with a reason); a decision can be reopened.',
  })
  updateObstacleStatus(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateObstacleStatusInput) {
    return this.service.updateStatus(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ObstacleEntity, { description: 'Corrects an obstacle, with the version you read and a reason; earlier values stay in its history.' })
  updateObstacle(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateObstacleInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The pilot (null if you may not see it).' })
  pilot(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(o.pilotId);
  }

  @ResolveField(() => [OrganisationEntity], { description: 'The organisations where it is felt (those you may see).' })
  organisations(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.linkedThrough(ctx, 'obstacle_organisation', 'obstacle_id').load(o.id);
  }

  @ResolveField(() => SteeringInstrumentEntity, { nullable: true, description: 'The steering instrument that causes it, if one does.' })
  causeInstrument(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return o.causeInstrumentId ? this.steeringLoaders.instrumentById(ctx).load(o.causeInstrumentId) : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The organisation that causes it, if one does (and you may see it).' })
  causeOrganisation(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return o.causeOrganisationId ? this.organisationLoaders.byId(ctx).load(o.causeOrganisationId) : null;
  }

  @ResolveField(() => [ObstacleStatusChangeEntity], { description: 'Every status it has had, oldest first.' })
  statusHistory(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return requestLoader<string, ObstacleStatusChangeEntity[]>(ctx, 'obstacle.history', async (ids) =>
      manyByKey(ids, await this.service.histories(ids), (c) => c.obstacleId),
    ).load(o.id);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its recording and every change, oldest first: who, when, why, values before and after.' })
  history(o: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.OBSTACLE).load(o.id);
  }
}
