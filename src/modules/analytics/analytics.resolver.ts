import { Args, Float, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';
import { SurveyLoaders } from '../survey/survey.loaders';
import { UserEntity } from '../user/user.entity';
import { UserLoaders } from '../user/user.loaders';
import { AnalyticsAccessEntity } from './access-log.entity';
import { AccessLogService } from './access-log.service';
import { DiscretionService } from './discretion.service';
import { requestLoader } from '../../common/loaders/request-loader';
import {
  AnalyticsAccessArgs,
  DiscretionResultRow,
  DiscretionResultsArgs,
  RateKey,
  RESPONSE_RATE_DESCRIPTION,
  WaveChangeArgs,
  WaveChangeRow,
} from './dto/discretion-results.input';

@ObjectType({ description: PAGE_DESCRIPTION })
export class AnalyticsAccessConnection extends Connection(AnalyticsAccessEntity, 'AnalyticsAccess') {}

@Resolver(() => DiscretionResultRow)
export class DiscretionResolver {
  constructor(
    private readonly discretion: DiscretionService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly surveyLoaders: SurveyLoaders,
  ) {}

  @Allow('analytics.read')
  @Query(() => [DiscretionResultRow], {
    description:
      'Staff-reported discretion per wave and group (scores 0–100, or single items), through disclosure control: perturbed numbers, small groups suppressed (docs/analysis.md). Researchers: their pilots; org reporters: their own units.',
  })
  discretionResults(@CurrentUser() actor: AuthUser, @Args() { input }: DiscretionResultsArgs) {
    return this.discretion.results(actor, input);
  }

  @ResolveField(() => Float, { nullable: true, description: RESPONSE_RATE_DESCRIPTION })
  responseRate(row: DiscretionResultRow, _args: unknown, ctx: GqlContext): Promise<number | null> | null {
    // Looked up only when asked for, for all rows at once.
    return row.rateOf
      ? requestLoader(ctx, 'discretion.responseRate', (keys: readonly RateKey[]) => this.discretion.responseRates(keys)).load(row.rateOf)
      : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'With groupBy UNIT.' })
  unit(row: DiscretionResultRow, _args: unknown, ctx: GqlContext) {
    return row.unitId ? this.organisationLoaders.byId(ctx).load(row.unitId) : null;
  }

  @ResolveField(() => SurveyWaveEntity, { nullable: true, description: 'The wave of the group.' })
  wave(row: DiscretionResultRow, _args: unknown, ctx: GqlContext) {
    return row.waveId ? this.surveyLoaders.waveById(ctx).load(row.waveId) : null;
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The wave’s pilot.' })
  pilot(row: DiscretionResultRow, _args: unknown, ctx: GqlContext) {
    return row.pilotId ? this.pilotLoaders.byId(ctx).load(row.pilotId) : null;
  }
}

@Resolver(() => WaveChangeRow)
export class WaveChangeResolver {
  constructor(
    private readonly discretion: DiscretionService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Allow('analytics.read')
  @Query(() => [WaveChangeRow], {
    description:
      'Change between two waves per group, with the paired change of respondents linked by panel key; through the same disclosure control as discretionResults.',
  })
  waveChange(@CurrentUser() actor: AuthUser, @Args() { input }: WaveChangeArgs) {
    return this.discretion.waveChange(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'With groupBy UNIT.' })
  unit(row: WaveChangeRow, _args: unknown, ctx: GqlContext) {
    return row.unitId ? this.organisationLoaders.byId(ctx).load(row.unitId) : null;
  }
}

@Resolver(() => AnalyticsAccessEntity)
export class AccessLogResolver {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Allow('analyticsLog.read')
  @Query(() => AnalyticsAccessConnection, { description: 'Analysts’ analytics queries and exports, newest first. Admins only.' })
  analyticsAccessLog(@Args() args: AnalyticsAccessArgs) {
    return this.accessLog.list(args);
  }

  @ResolveField(() => UserEntity, { description: 'The analyst.' })
  user(entry: AnalyticsAccessEntity, _args: unknown, ctx: GqlContext) {
    return this.userLoaders.byId(ctx).load(entry.userId);
  }
}
