import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { SteeringModule } from '../steering/steering.module';
import { SurveyModule } from '../survey/survey.module';
import { SurveyLinkModule } from '../survey-link/survey-link.module';
import { UserModule } from '../user/user.module';
import { AccessLogService } from './access-log.service';
import { AccessLogResolver, DiscretionResolver, WaveChangeResolver } from './analytics.resolver';
import { CodesResolver } from './codes.resolver';
import { CodesService } from './codes.service';
import { CodingComparisonService } from './coding-comparison.service';
import { DiscretionService } from './discretion.service';
import { BurdenSeriesResolver, IndicatorLoadResolver, SupervisionLoadResolver, TimeThiefSummaryResolver } from './series.resolver';
import { SeriesService } from './series.service';
import { SignalsResolver } from './signals.resolver';
import { SignalsService } from './signals.service';
import { TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';

@Module({
  imports: [OrganisationModule, PilotModule, SteeringModule, SurveyModule, SurveyLinkModule, UserModule],
  providers: [
    AccessLogService,
    DiscretionService,
    SeriesService,
    CodesService,
    CodingComparisonService,
    CodesResolver,
    TimelineService,
    TimelineResolver,
    SignalsService,
    SignalsResolver,
    BurdenSeriesResolver,
    IndicatorLoadResolver,
    TimeThiefSummaryResolver,
    SupervisionLoadResolver,
    DiscretionResolver,
    WaveChangeResolver,
    AccessLogResolver,
  ],
  exports: [AccessLogService, DiscretionService, SeriesService],
})
export class AnalyticsModule {}
