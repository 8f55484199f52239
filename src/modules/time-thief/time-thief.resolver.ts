import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import {
  ReportTimeThiefInput,
  RestoreTimeThiefInput,
  TimeThievesArgs,
  UpdateTimeThiefInput,
  UpdateTimeThiefStatusInput,
  WithdrawTimeThiefInput,
} from './dto/time-thief.input';
import { TimeThiefEntity, TimeThiefStatusChangeEntity } from './time-thief.entity';
import { TimeThiefLoaders } from './time-thief.loaders';
import { TimeThiefService } from './time-thief.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class TimeThiefConnection extends Connection(TimeThiefEntity, 'TimeThief') {}

@Resolver(() => TimeThiefEntity)
export class TimeThiefResolver {
  constructor(
    private readonly timeThiefService: TimeThiefService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly steeringLoaders: SteeringLoaders,
    private readonly loaders: TimeThiefLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Query(() => TimeThiefConnection, { description: 'Newest first. Scoped like burdenReports.' })
  timeThieves(@CurrentUser() actor: AuthUser, @Args() args: TimeThievesArgs) {
    return this.timeThiefService.list(actor, args);
  }

  @Allow('reports.write')
  @Mutation(() => TimeThiefEntity, { description: 'Reports a time thief for an organisation you report for.' })
  reportTimeThief(@CurrentUser() actor: AuthUser, @Args('input') input: ReportTimeThiefInput) {
    return this.timeThiefService.report(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => TimeThiefEntity, { description: 'Reported → under review → removed, or kept with a reason; each change dated.' })
  updateTimeThiefStatus(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateTimeThiefStatusInput) {
    return this.timeThiefService.updateStatus(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => TimeThiefEntity, { description: 'Corrects a time thief, with the version you read and a reason; earlier values stay in its history.' })
  updateTimeThief(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateTimeThiefInput) {
    return this.timeThiefService.update(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => TimeThiefEntity, {
    description: 'Withdraws a time thief reported by mistake, with a reason: it leaves every list and result, and can be restored.',
  })
  withdrawTimeThief(@CurrentUser() actor: AuthUser, @Args('input') input: WithdrawTimeThiefInput) {
    return this.timeThiefService.withdraw(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => TimeThiefEntity, { description: 'Brings a withdrawn time thief back, with a reason.' })
  restoreTimeThief(@CurrentUser() actor: AuthUser, @Args('input') input: RestoreTimeThiefInput) {
    return this.timeThiefService.restore(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { description: 'Where it takes time.' })
  organisation(tt: TimeThiefEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(tt.organisationId);
  }

  @ResolveField(() => SteeringInstrumentEntity, { nullable: true, description: 'The steering instrument that imposes the task, if known.' })
  imposedByInstrument(tt: TimeThiefEntity, _args: unknown, ctx: GqlContext) {
    return tt.imposedByInstrumentId ? this.steeringLoaders.instrumentById(ctx).load(tt.imposedByInstrumentId) : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The organisation that imposes the task, if known.' })
  imposedByOrganisation(tt: TimeThiefEntity, _args: unknown, ctx: GqlContext) {
    return tt.imposedByOrganisationId ? this.organisationLoaders.byId(ctx).load(tt.imposedByOrganisationId) : null;
  }

  @ResolveField(() => [TimeThiefStatusChangeEntity], { description: 'Every status it has had, oldest first.' })
  statusHistory(tt: TimeThiefEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.history(ctx).load(tt.id);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its report and every change, oldest first: who, when, why, values before and after.' })
  history(tt: TimeThiefEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.TIME_THIEF).load(tt.id);
  }
}
