import { Args, Float, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { IndicatorEntity } from '../steering/indicator.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { BurdenReportEntity, BurdenReportRevisionEntity } from './burden-report.entity';
import { BurdenLoaders } from './burden.loaders';
import { BurdenService } from './burden.service';
import { BurdenReportsArgs } from './dto/burden-reports.args';
import {
  ReportIndicatorBurdenBatchInput,
  ReportIndicatorBurdenInput,
  RestoreBurdenReportInput,
  WithdrawBurdenReportInput,
} from './dto/report-indicator-burden.input';

@ObjectType({ description: PAGE_DESCRIPTION })
export class BurdenReportConnection extends Connection(BurdenReportEntity, 'BurdenReport') {}

@Resolver(() => BurdenReportEntity)
export class BurdenResolver {
  constructor(
    private readonly burdenService: BurdenService,
    private readonly loaders: BurdenLoaders,
    private readonly steeringLoaders: SteeringLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Query(() => BurdenReportConnection, {
    description: 'By period. Org reporters see their own subtree, researchers the organisations in their pilots.',
  })
  burdenReports(@CurrentUser() actor: AuthUser, @Args() args: BurdenReportsArgs) {
    return this.burdenService.list(actor, args);
  }

  @Allow('reports.write')
  @Mutation(() => BurdenReportEntity, { description: 'Creates the report for the period; replaces it with expectedRevision and a reason.' })
  reportIndicatorBurden(@CurrentUser() actor: AuthUser, @Args('input') input: ReportIndicatorBurdenInput) {
    return this.burdenService.report(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => [BurdenReportEntity], {
    description:
      'Several reports at once (a unit’s month of every indicator, or an import), each by the rules of reportIndicatorBurden: all stored, or none, with the first report that fails named by its place (input.reports.<i>.<field>). In input order.',
  })
  reportIndicatorBurdenBatch(@CurrentUser() actor: AuthUser, @Args('input') input: ReportIndicatorBurdenBatchInput) {
    return this.burdenService.reportBatch(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => BurdenReportEntity, {
    description: 'Takes a mistaken report out of every result and the rollup at once; it stays in history, with the reason.',
  })
  withdrawBurdenReport(@CurrentUser() actor: AuthUser, @Args('input') input: WithdrawBurdenReportInput) {
    return this.burdenService.withdraw(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => BurdenReportEntity, { description: 'Brings a withdrawn report back, with a reason.' })
  restoreBurdenReport(@CurrentUser() actor: AuthUser, @Args('input') input: RestoreBurdenReportInput) {
    return this.burdenService.restore(actor, input);
  }

  @ResolveField(() => IndicatorEntity, { description: 'The indicator reported on.' })
  indicator(b: BurdenReportEntity, _args: unknown, ctx: GqlContext) {
    return this.steeringLoaders.indicatorById(ctx).load(b.indicatorId);
  }

  @ResolveField(() => OrganisationEntity, { description: 'The reporting organisation (usually a unit).' })
  organisation(b: BurdenReportEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(b.organisationId);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "The organisation's working hours in the period: its full-time equivalents (staffSizes) × WORKING_HOURS_PER_WEEK × weeks. Null unless staff sizes cover the whole period.",
  })
  async workingHours(b: BurdenReportEntity, _args: unknown, ctx: GqlContext) {
    return (await this.loaders.workingTime(ctx).load(b.id)).workingHours;
  }

  @ResolveField(() => Float, { nullable: true, description: 'staffHours as a share of workingHours (0.02 = 2 % of the working time went to this indicator).' })
  async shareOfWorkingTime(b: BurdenReportEntity, _args: unknown, ctx: GqlContext) {
    return (await this.loaders.workingTime(ctx).load(b.id)).share;
  }

  @ResolveField(() => [BurdenReportRevisionEntity], { description: 'Values replaced by resubmissions, oldest first.' })
  history(b: BurdenReportEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.revisions(ctx).load(b.id);
  }
}
