import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { SurveyCsvController } from './survey-csv.controller';
import { SurveyCsvService } from './survey-csv.service';
import { SurveyLoaders } from './survey.loaders';
import { SurveyInstrumentResolver, SurveyWaveResolver } from './survey.resolver';
import { SurveyService } from './survey.service';
import { SurveyWaveService } from './survey-wave.service';

@Module({
  imports: [OrganisationModule, PilotModule],
  controllers: [SurveyCsvController],
  providers: [SurveyService, SurveyWaveService, SurveyCsvService, SurveyLoaders, SurveyInstrumentResolver, SurveyWaveResolver],
  exports: [SurveyService, SurveyWaveService, SurveyCsvService, SurveyLoaders],
})
export class SurveyModule {}
