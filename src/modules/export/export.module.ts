import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ExportController } from './export.controller';
import { RefiController } from './refi/refi.controller';

@Module({ imports: [AnalyticsModule], controllers: [ExportController, RefiController] })
export class ExportModule {}
