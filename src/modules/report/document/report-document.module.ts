import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../../analytics/analytics.module';
import { EvidenceModule } from '../../evidence/evidence.module';
import { ReportModule } from '../report.module';
import { ReportDocumentService } from './report-document.service';
import { ReportExportController } from './report-export.controller';

/** The Word documents of the evaluation reports and the delegation's summary (issue 13 §7). */
@Module({
  imports: [ReportModule, EvidenceModule, AnalyticsModule],
  providers: [ReportDocumentService],
  controllers: [ReportExportController],
})
export class ReportDocumentModule {}
