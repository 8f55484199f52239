import { AnalyticsAccessEntity } from '../modules/analytics/access-log.entity';
import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { RateLimitCounterEntity } from '../modules/auth/rate-limit.entity';
import { ClientRequestEntity } from '../modules/client-request/client-request.entity';
import { SurveyLinkEntity } from '../modules/survey-link/survey-link.entity';
import { StaffSizeEntity } from '../modules/staff-size/staff-size.entity';
import { BurdenPeriodTotalEntity } from '../modules/burden/burden-period-total.entity';
import { BurdenReportEntity, BurdenReportRevisionEntity } from '../modules/burden/burden-report.entity';
import { CodedSegmentEntity } from '../modules/observation/coded-segment.entity';
import { ObservationVersionEntity } from '../modules/observation/observation-version.entity';
import { ObservationEntity } from '../modules/observation/observation.entity';
import { OrganisationEntity } from '../modules/organisation/organisation.entity';
import { PilotParticipantEntity } from '../modules/pilot/pilot-participant.entity';
import { PilotResearcherEntity } from '../modules/pilot/pilot-researcher.entity';
import { PilotEntity } from '../modules/pilot/pilot.entity';
import { IndicatorEntity } from '../modules/steering/indicator.entity';
import { SurveyInstrumentEntity, SurveyItemEntity } from '../modules/survey/survey-instrument.entity';
import { SurveyBatchEntity } from '../modules/survey/survey-batch.entity';
import { SurveyResponseEntity } from '../modules/survey/survey-response.entity';
import { SurveyWaveEntity, SurveyWaveUnitEntity } from '../modules/survey/survey-wave.entity';
import { SteeringInstrumentEntity, SteeringInstrumentTargetEntity } from '../modules/steering/steering-instrument.entity';
import { TimeThiefEntity, TimeThiefStatusChangeEntity } from '../modules/time-thief/time-thief.entity';
import { UserInvitationEntity } from '../modules/user/user-invitation.entity';
import { UserEntity } from '../modules/user/user.entity';
import { EffectEntity } from '../modules/effect/effect.entity';
import { IdeaEntity, IdeaOrganisationEntity } from '../modules/idea/idea.entity';
import { OwnCodeEntity } from '../modules/own-code/own-code.entity';
import { ObstacleEntity, ObstacleOrganisationEntity, ObstacleStatusChangeEntity } from '../modules/obstacle/obstacle.entity';
import { SupervisionInteractionEntity } from '../modules/supervision/supervision.entity';
import { EvaluationReportAuthorEntity, EvaluationReportEntity, ReportFindingEntity, ReportSectionEntity } from '../modules/report/report.entity';
import { EvidenceLinkEntity } from '../modules/evidence/evidence-link.entity';
import { WebSessionEntity } from '../modules/user/web-session.entity';

/** Every entity, for the one DataSource (app, CLI, tests, migration generation). */
export const ENTITIES = [
  AuditEntryEntity,
  OrganisationEntity,
  UserEntity,
  PilotEntity,
  PilotParticipantEntity,
  PilotResearcherEntity,
  ObservationEntity,
  ObservationVersionEntity,
  CodedSegmentEntity,
  OwnCodeEntity,
  SteeringInstrumentEntity,
  SteeringInstrumentTargetEntity,
  IndicatorEntity,
  BurdenReportEntity,
  BurdenReportRevisionEntity,
  BurdenPeriodTotalEntity,
  TimeThiefEntity,
  TimeThiefStatusChangeEntity,
  SurveyInstrumentEntity,
  SurveyItemEntity,
  SurveyWaveEntity,
  SurveyWaveUnitEntity,
  SurveyBatchEntity,
  SurveyResponseEntity,
  AnalyticsAccessEntity,
  RateLimitCounterEntity,
  ClientRequestEntity,
  StaffSizeEntity,
  SurveyLinkEntity,
  UserInvitationEntity,
  WebSessionEntity,
  ObstacleEntity,
  ObstacleOrganisationEntity,
  ObstacleStatusChangeEntity,
  EffectEntity,
  IdeaEntity,
  IdeaOrganisationEntity,
  SupervisionInteractionEntity,
  EvaluationReportEntity,
  EvaluationReportAuthorEntity,
  ReportSectionEntity,
  ReportFindingEntity,
  EvidenceLinkEntity,
];
