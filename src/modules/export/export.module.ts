import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ExportController } from './export.controller';

@Module({ imports: [AnalyticsModule], controllers: [ExportController] })
export class ExportModule {}
