import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import { PilotSignalsArgs, PilotSignalsBucket } from './dto/signals.input';
import { SignalsService } from './signals.service';

@Resolver()
export class SignalsResolver {
  constructor(private readonly signalsService: SignalsService) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [PilotSignalsBucket], {
    description:
      'For one pilot, per time bucket: observation codes, burden hours, indicators in force, time thieves removed, discretion scores, obstacles raised and removed, supervision and assessed effects, side by side.',
  })
  pilotSignals(@CurrentUser() actor: AuthUser, @Args() { input }: PilotSignalsArgs) {
    return this.signalsService.signals(actor, input);
  }
}
