import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PilotModule } from '../pilot/pilot.module';
import { UserModule } from '../user/user.module';
import { ReportLoaders } from './report.loaders';
import { ReportFindingResolver, ReportResolver, ReportSectionResolver } from './report.resolver';
import { ReportService } from './report.service';

/** Evaluation reports per pilot (issue 13 §6): versions, sections, findings, co-authors. */
@Module({
  imports: [PilotModule, UserModule, AuditModule],
  providers: [ReportService, ReportLoaders, ReportResolver, ReportSectionResolver, ReportFindingResolver],
  exports: [ReportService, ReportLoaders],
})
export class ReportModule {}
