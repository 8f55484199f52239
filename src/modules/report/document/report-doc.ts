import type { DiscretionResultRow } from '../../analytics/dto/discretion-results.input';
import type { EffectEntity } from '../../effect/effect.entity';
import type { EvidenceItem } from '../../evidence/dto/evidence-item';
import type { IdeaEntity } from '../../idea/idea.entity';
import type { ObstacleEntity } from '../../obstacle/obstacle.entity';
import type { PilotEntity } from '../../pilot/pilot.entity';
import type { MethodFacts } from '../dto/method-facts';
import type { EvaluationReportEntity, ReportFindingEntity } from '../report.entity';
import type { ReportSectionKind } from '../report.enums';

/** What a report document shows, gathered within the reader's scope (ReportDocumentService). */
export interface ReportDoc {
  pilot: PilotEntity;
  report: EvaluationReportEntity;
  authors: string[];
  facts: MethodFacts;
  sections: DocSection[];
  discretion: DiscretionLine[];
  burden: { bucketStart: string; staffHours: number }[];
}

export interface DocSection {
  kind: ReportSectionKind;
  heading: { sv: string; en: string };
  body: string;
  findings: DocFinding[];
}

/** A finding with its evidence and what it is about (null where the reader may not see it). */
export interface DocFinding {
  finding: ReportFindingEntity;
  evidence: EvidenceItem[];
  idea: IdeaEntity | null;
  obstacle: ObstacleEntity | null;
  effect: EffectEntity | null;
}

export type DiscretionLine = DiscretionResultRow & { wave: string; opensOn: string; responseRate: number | null };

/** The delegation's summary: final reports, obstacles and published ideas the reader may see. */
export interface SummaryDoc {
  reports: { report: EvaluationReportEntity; pilot: PilotEntity; sections: DocSection[] }[];
  obstacles: { obstacle: ObstacleEntity; pilotCode: string }[];
  ideas: { idea: IdeaEntity; pilotCode: string }[];
}
