import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import { PilotTimelineArgs, TimelineEvent } from './dto/timeline.input';
import { TimelineService } from './timeline.service';

@Resolver()
export class TimelineResolver {
  constructor(private readonly timelineService: TimelineService) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [TimelineEvent], {
    description:
      'One chronological stream of a pilot: observations (not for org reporters), survey waves, time thief changes, indicators and instruments of its organisations.',
  })
  pilotTimeline(@CurrentUser() actor: AuthUser, @Args() args: PilotTimelineArgs) {
    return this.timelineService.timeline(actor, args);
  }
}
