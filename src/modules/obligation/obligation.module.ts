import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { SteeringModule } from '../steering/steering.module';
import { ReportingCompletenessResolver, ReportingObligationResolver } from './obligation.resolver';
import { ObligationService } from './obligation.service';

/** Reporting obligations and completeness: what is owed, and what is missing. */
@Module({
  imports: [AnalyticsModule, OrganisationModule, PilotModule, SteeringModule],
  providers: [ObligationService, ReportingObligationResolver, ReportingCompletenessResolver],
  exports: [ObligationService],
})
export class ObligationModule {}
