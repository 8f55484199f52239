import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { PeriodCost } from '../../common/graphql/period-cost';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { IndicatorEntity } from '../steering/indicator.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { ReportingCompletenessArgs, ReportingObligationsArgs } from './dto/obligation.args';
import { ReportingCompletenessRow, ReportingObligation } from './obligation.model';
import { ObligationService } from './obligation.service';

@Resolver(() => ReportingObligation)
export class ReportingObligationResolver {
  constructor(
    private readonly service: ObligationService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly steeringLoaders: SteeringLoaders,
  ) {}

  @Allow('reports.read')
  @PeriodCost()
  @Query(() => [ReportingObligation], {
    description:
      'What the organisation and everything below it owe: for each unit, each indicator that applies to it (through any organisation above it), each reporting period by the indicator’s frequency, and whether it is reported, late, partial, missing or not yet due. By unit, indicator and period; at most 10,000.',
  })
  reportingObligations(@CurrentUser() actor: AuthUser, @Args() args: ReportingObligationsArgs) {
    return this.service.obligations(actor, args);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The unit that owes it.' })
  organisation(o: ReportingObligation, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(o.organisationId);
  }

  @ResolveField(() => IndicatorEntity, { nullable: true, description: 'The indicator owed.' })
  indicator(o: ReportingObligation, _args: unknown, ctx: GqlContext) {
    return this.steeringLoaders.indicatorById(ctx).load(o.indicatorId);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'Whose report covers it: the unit itself, or an organisation above it.' })
  reportedBy(o: ReportingObligation, _args: unknown, ctx: GqlContext) {
    return o.reportedById ? this.organisationLoaders.byId(ctx).load(o.reportedById) : null;
  }
}

@Resolver(() => ReportingCompletenessRow)
export class ReportingCompletenessResolver {
  constructor(
    private readonly service: ObligationService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly steeringLoaders: SteeringLoaders,
    private readonly pilotLoaders: PilotLoaders,
  ) {}

  @Allow('reports.completeness')
  @PeriodCost()
  @Query(() => [ReportingCompletenessRow], {
    description:
      'Expected against received burden reports (the reporting rate), by pilot, organisation, indicator and period bucket as asked, over the organisations whose reports you may read. Admins and analysts: all; researchers: their pilots’.',
  })
  reportingCompleteness(@CurrentUser() actor: AuthUser, @Args() { input }: ReportingCompletenessArgs) {
    return this.service.completeness(actor, input);
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The group’s pilot (with PILOT grouping).' })
  pilot(r: ReportingCompletenessRow, _args: unknown, ctx: GqlContext) {
    return r.pilotId ? this.pilotLoaders.byId(ctx).load(r.pilotId) : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The group’s unit (with ORGANISATION grouping).' })
  organisation(r: ReportingCompletenessRow, _args: unknown, ctx: GqlContext) {
    return r.organisationId ? this.organisationLoaders.byId(ctx).load(r.organisationId) : null;
  }

  @ResolveField(() => IndicatorEntity, { nullable: true, description: 'The group’s indicator (with INDICATOR grouping).' })
  indicator(r: ReportingCompletenessRow, _args: unknown, ctx: GqlContext) {
    return r.indicatorId ? this.steeringLoaders.indicatorById(ctx).load(r.indicatorId) : null;
  }
}
