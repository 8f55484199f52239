import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role.enum';
import { PilotTimelineArgs, TimelineEvent } from './dto/timeline.input';
import { TimelineService } from './timeline.service';

@Resolver()
export class TimelineResolver {
  constructor(private readonly timelineService: TimelineService) {}

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER, Role.ORG_REPORTER)
  @PeriodCost()
  @Query(() => [TimelineEvent], {
    description: 'One chronological stream of a pilot: observations (not for org reporters), survey waves, time thief changes, indicators and instruments of its organisations.',
  })
  pilotTimeline(@CurrentUser() actor: AuthUser, @Args() args: PilotTimelineArgs) {
    return this.timelineService.timeline(actor, args);
  }
}
