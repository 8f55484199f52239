import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { SurveyModule } from '../survey/survey.module';
import { UserModule } from '../user/user.module';
import { AccessLogService } from './access-log.service';
import { AccessLogResolver, DiscretionResolver, WaveChangeResolver } from './analytics.resolver';
import { DiscretionService } from './discretion.service';

@Module({
  imports: [OrganisationModule, PilotModule, SurveyModule, UserModule],
  providers: [AccessLogService, DiscretionService, DiscretionResolver, WaveChangeResolver, AccessLogResolver],
  exports: [AccessLogService],
})
export class AnalyticsModule {}
