import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { SurveyModule } from '../survey/survey.module';
import { SurveyLinkResolver, SurveyWaveLinksResolver } from './survey-link.resolver';
import { SurveyLinkService } from './survey-link.service';

/** Anonymous survey links: staff answer a wave through a link, without an account. */
@Module({
  imports: [OrganisationModule, SurveyModule],
  providers: [SurveyLinkService, SurveyLinkResolver, SurveyWaveLinksResolver],
  exports: [SurveyLinkService],
})
export class SurveyLinkModule {}
