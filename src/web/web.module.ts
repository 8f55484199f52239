import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERROR_PAGES } from '../common/web/error-pages';
import { AccessModule } from '../modules/access/access.module';
import { AuthModule } from '../modules/auth/auth.module';
import { PgThrottlerStorage } from '../modules/auth/pg-throttler.storage';
import { BurdenModule } from '../modules/burden/burden.module';
import { ObligationModule } from '../modules/obligation/obligation.module';
import { OrganisationModule } from '../modules/organisation/organisation.module';
import { SteeringModule } from '../modules/steering/steering.module';
import { SurveyLinkModule } from '../modules/survey-link/survey-link.module';
import { SurveyModule } from '../modules/survey/survey.module';
import { UserModule } from '../modules/user/user.module';
import { AnalyticsModule } from '../modules/analytics/analytics.module';
import { PilotModule } from '../modules/pilot/pilot.module';
import { TimeThiefModule } from '../modules/time-thief/time-thief.module';
import { AccountController } from './account/account.controller';
import { WebErrorPages } from './error-pages';
import { GraphiqlController } from './graphiql/graphiql.controller';
import { HomeController } from './home/home.controller';
import { PageContexts } from './pages/page-context';
import { ReportingController } from './reporting/reporting.controller';
import { WebSessions } from './session/web-sessions';
import { SurveyLinkController } from './survey/survey-link.controller';
import { SurveysController } from './surveys/surveys.controller';
import { TimeThievesController } from './time-thieves/time-thieves.controller';
import { SupervisionPagesController } from './supervision/supervision.controller';
import { SupervisionModule } from '../modules/supervision/supervision.module';
import { UsersController } from './users/users.controller';
import { ResultsController } from './results/results.controller';

/**
 * The pages people use in a browser (docs/adr/0006-web-pages-server-rendered.md): built on the
 * feature modules' services and access rules, adding only forms, sessions and texts.
 */
@Module({
  imports: [
    SurveyLinkModule,
    SurveyModule,
    UserModule,
    AuthModule,
    AccessModule,
    OrganisationModule,
    SteeringModule,
    ObligationModule,
    BurdenModule,
    TimeThiefModule,
    SupervisionModule,
    AnalyticsModule,
    PilotModule,
  ],
  controllers: [
    SurveyLinkController,
    AccountController,
    HomeController,
    ReportingController,
    SurveysController,
    TimeThievesController,
    SupervisionPagesController,
    UsersController,
    ResultsController,
    GraphiqlController,
  ],
  providers: [
    { provide: PgThrottlerStorage, inject: [DataSource], useFactory: (ds: DataSource) => new PgThrottlerStorage(ds) },
    { provide: ERROR_PAGES, useClass: WebErrorPages },
    WebSessions,
    PageContexts,
  ],
  exports: [ERROR_PAGES, WebSessions],
})
export class WebModule {}
