import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgThrottlerStorage } from '../modules/auth/pg-throttler.storage';
import { SurveyLinkModule } from '../modules/survey-link/survey-link.module';
import { ERROR_PAGES } from '../common/web/error-pages';
import { WebErrorPages } from './error-pages';
import { SurveyLinkController } from './survey/survey-link.controller';

/** The pages people use in a browser (docs/adr/0006-web-pages-server-rendered.md). */
@Module({
  imports: [SurveyLinkModule],
  controllers: [SurveyLinkController],
  providers: [
    { provide: PgThrottlerStorage, inject: [DataSource], useFactory: (ds: DataSource) => new PgThrottlerStorage(ds) },
    { provide: ERROR_PAGES, useClass: WebErrorPages },
  ],
  exports: [ERROR_PAGES],
})
export class WebModule {}
