import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';
import { RefiController } from './refi/refi.controller';
import { RefiService } from './refi/refi.service';

@Module({ imports: [AnalyticsModule], controllers: [ExportController, RefiController], providers: [ExportService, RefiService] })
export class ExportModule {}
