import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReportModule } from '../report/report.module';
import { EffectEvidenceResolver, EvidenceResolver, IdeaEvidenceResolver, ObstacleEvidenceResolver, ReportFindingEvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

/** Evidence links of obstacles, effects, ideas and report findings (issue 13 §5). */
@Module({
  imports: [ReportModule, AuditModule],
  providers: [EvidenceService, EvidenceResolver, ObstacleEvidenceResolver, EffectEvidenceResolver, IdeaEvidenceResolver, ReportFindingEvidenceResolver],
  exports: [EvidenceService],
})
export class EvidenceModule {}
