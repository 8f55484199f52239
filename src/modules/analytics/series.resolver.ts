import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import type { GqlContext } from '../../common/graphql/gql-context';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { IndicatorEntity } from '../steering/indicator.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { BurdenSeriesArgs, BurdenSeriesRow, IndicatorLoadArgs, IndicatorLoadRow, TimeThiefSummaryArgs, TimeThiefSummaryRow } from './dto/series.input';
import { SupervisionLoadArgs, SupervisionLoadRow } from './dto/supervision-load.input';
import { SeriesService } from './series.service';

@Resolver(() => BurdenSeriesRow)
export class BurdenSeriesResolver {
  constructor(
    private readonly series: SeriesService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly steeringLoaders: SteeringLoaders,
  ) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [BurdenSeriesRow], { description: 'Staff hours on indicator reporting per bucket and group; reports spanning several buckets split by days.' })
  burdenSeries(@CurrentUser() actor: AuthUser, @Args() { input }: BurdenSeriesArgs) {
    return this.series.burdenSeries(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'With ORGANISATION: the organisation.' })
  organisation(r: BurdenSeriesRow, _args: unknown, ctx: GqlContext) {
    return r.organisationId ? this.organisationLoaders.byId(ctx).load(r.organisationId) : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'With IMPOSED_BY: the organisation imposing the instrument.' })
  imposedBy(r: BurdenSeriesRow, _args: unknown, ctx: GqlContext) {
    return r.imposedById ? this.organisationLoaders.byId(ctx).load(r.imposedById) : null;
  }

  @ResolveField(() => IndicatorEntity, { nullable: true, description: 'With INDICATOR: the indicator.' })
  indicator(r: BurdenSeriesRow, _args: unknown, ctx: GqlContext) {
    return r.indicatorId ? this.steeringLoaders.indicatorById(ctx).load(r.indicatorId) : null;
  }
}

@Resolver(() => IndicatorLoadRow)
export class IndicatorLoadResolver {
  constructor(
    private readonly series: SeriesService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [IndicatorLoadRow], { description: 'Indicators in force per organisation and bucket: how indicators pile up.' })
  indicatorLoad(@CurrentUser() actor: AuthUser, @Args() { input }: IndicatorLoadArgs) {
    return this.series.indicatorLoad(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { description: 'The organisation the indicators apply to.' })
  organisation(r: IndicatorLoadRow, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(r.organisationId);
  }
}

@Resolver(() => TimeThiefSummaryRow)
export class TimeThiefSummaryResolver {
  constructor(
    private readonly series: SeriesService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [TimeThiefSummaryRow], { description: 'Time thieves reported, removed and kept per bucket, with staff hours per week freed.' })
  timeThiefSummary(@CurrentUser() actor: AuthUser, @Args() { input }: TimeThiefSummaryArgs) {
    return this.series.timeThiefSummary(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'With byOrganisation: the organisation.' })
  organisation(r: TimeThiefSummaryRow, _args: unknown, ctx: GqlContext) {
    return r.organisationId ? this.organisationLoaders.byId(ctx).load(r.organisationId) : null;
  }
}

@Resolver(() => SupervisionLoadRow)
export class SupervisionLoadResolver {
  constructor(
    private readonly series: SeriesService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [SupervisionLoadRow], {
    description: 'Supervision load per supervised organisation and bucket: contacts, staff hours, and overlapping demands for the same data (D:564–576).',
  })
  supervisionLoad(@CurrentUser() actor: AuthUser, @Args() { input }: SupervisionLoadArgs) {
    return this.series.supervisionLoad(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { description: 'The supervised organisation (or its ancestor at organisationDepth).' })
  organisation(r: SupervisionLoadRow, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(r.organisationId);
  }
}
