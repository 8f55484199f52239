import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { Role } from '../common/auth/role.enum';
import { EffectAspect, EffectDirection, EvidenceStrength } from '../modules/effect/effect.enums';
import { EffectService } from '../modules/effect/effect.service';
import { EvidenceKind, FindingKind } from '../modules/evidence/evidence.enums';
import { EvidenceService } from '../modules/evidence/evidence.service';
import { TrustMethod } from '../modules/framework/framework.enums';
import { IdeaService } from '../modules/idea/idea.service';
import { ChangeMaker, ObstacleStatus, ObstacleType } from '../modules/obstacle/obstacle.enums';
import { ObstacleService } from '../modules/obstacle/obstacle.service';
import { PilotSector, PilotTheme, SteeringLevel } from '../modules/pilot/pilot.enums';
import { ReportSectionKind, ReportStatus } from '../modules/report/report.enums';
import { ReportService } from '../modules/report/report.service';
import { RequestFrequency, SupervisionCharacter, SupervisionKind } from '../modules/supervision/supervision.enums';
import { SupervisionService } from '../modules/supervision/supervision.service';

export interface FindingsContext {
  admin: AuthUser;
  /** A researcher following the home-care pilot (the report's author). */
  researcherId: string;
  homeCare: { id: string };
  supervisionPilot: { id: string };
  ivoId: string;
  /** Organisations supervised by IVO in the demo (the supervision pilot's). */
  supervised: { id: string }[];
  /** The home-care pilot's lead organisation, whose burden series is cited. */
  leadOrganisationId: string;
  /** Its social services administration, where the obstacles are felt (its demo reporter reads them). */
  administrationId: string;
  /** A day inside the demo year. */
  day: (offset: number) => string;
  count: (what: string, n?: number) => void;
}

const SYNTHETIC = '[Syntetiska demodata] ';

/**
 * The demo's findings (issue 13): supervisory contacts with overlapping data requests, obstacles,
 * effects, idea-bank entries, and a final evaluation report of the home-care pilot whose findings
 * cite observations, a coded passage, a time thief, a survey wave and a burden series. All of it
 * clearly synthetic, all of it through the services' own rules.
 */
export async function seedFindings(app: INestApplicationContext, c: FindingsContext): Promise<void> {
  const ds = app.get(DataSource);
  const researcher: AuthUser = { id: c.researcherId, role: Role.RESEARCHER, organisationId: null };

  const supervision = app.get(SupervisionService);
  for (const [i, org] of c.supervised.entries()) {
    const request = await supervision.record(c.admin, {
      organisationId: org.id,
      supervisorId: c.ivoId,
      occurredOn: c.day(40 + i * 10),
      kind: SupervisionKind.DATA_REQUEST,
      dataRequested: `${SYNTHETIC}Antal avvikelser och fallolyckor per enhet och månad`,
      frequency: RequestFrequency.QUARTERLY,
      staffHours: 14 + i * 4,
      character: SupervisionCharacter.CONTROLLING,
      feedback: '',
      supportedLearning: false,
    });
    await supervision.record(c.admin, {
      organisationId: org.id,
      supervisorId: c.ivoId,
      occurredOn: c.day(120 + i * 10),
      kind: SupervisionKind.INSPECTION,
      dataRequested: `${SYNTHETIC}Samma avvikelsestatistik, nu per kvartal och verksamhet`,
      frequency: RequestFrequency.ONCE,
      staffHours: 30,
      overlapsInteractionId: request.id,
      character: SupervisionCharacter.CONTROLLING,
      feedback: `${SYNTHETIC}Brister i dokumentationen påtalades.`,
      supportedLearning: false,
    });
    await supervision.record(c.admin, {
      organisationId: org.id,
      supervisorId: c.ivoId,
      occurredOn: c.day(240 + i * 10),
      kind: SupervisionKind.DIALOGUE,
      dataRequested: '',
      staffHours: 6,
      character: SupervisionCharacter.ENABLING,
      feedback: `${SYNTHETIC}Gemensam genomgång av vad avvikelserna säger om arbetssättet.`,
      supportedLearning: true,
    });
    c.count('supervision interactions', 3);
  }

  const obstacles = app.get(ObstacleService);
  const legislation = await obstacles.record(researcher, {
    pilotId: c.homeCare.id,
    organisationIds: [c.administrationId],
    type: ObstacleType.LEGISLATION,
    description: `${SYNTHETIC}Biståndsbeslut per insats och minut låser hur besöken läggs upp.`,
    level: SteeringLevel.FRONT_LINE,
    causeText: 'Biståndsbeslut per insats',
    proposedChange: 'Rambeslut i timmar per vecka',
    changeBy: ChangeMaker.PRINCIPAL,
    identifiedOn: c.day(30),
  });
  await obstacles.updateStatus(researcher, { id: legislation.id, status: ObstacleStatus.RAISED, changedOn: c.day(90) });
  const itSystem = await obstacles.record(researcher, {
    pilotId: c.homeCare.id,
    organisationIds: [c.administrationId],
    type: ObstacleType.IT_SYSTEMS,
    description: `${SYNTHETIC}Planeringssystemet kräver signering av varje insats.`,
    level: SteeringLevel.FRONT_LINE,
    causeText: 'Leverantörens standardinställning',
    proposedChange: 'Signering per besök i stället för per insats',
    changeBy: ChangeMaker.ORGANISATION_ITSELF,
    identifiedOn: c.day(60),
  });
  await obstacles.updateStatus(researcher, { id: itSystem.id, status: ObstacleStatus.REMOVED, changedOn: c.day(200) });
  c.count('obstacles', 2);

  const effect = await app.get(EffectService).record(researcher, {
    pilotId: c.homeCare.id,
    periodStart: c.day(0),
    periodEnd: c.day(360),
    aspect: EffectAspect.STAFF_DISCRETION,
    direction: EffectDirection.BETTER,
    evidenceStrength: EvidenceStrength.MODERATE,
    forWhom: 'medarbetare i hemtjänsten',
    assessment: `${SYNTHETIC}Medarbetarna beskriver större frihet att lägga upp besöken.`,
    evidence: 'Intervjuer och enkätomgångarna.',
  });
  c.count('effects');

  const ideas = app.get(IdeaService);
  const idea = await ideas.record(researcher, {
    pilotId: c.homeCare.id,
    organisationIds: [c.leadOrganisationId],
    title: 'DEMO: Rambeslut i hemtjänsten',
    problem: `${SYNTHETIC}Minutstyrda beslut gav lite utrymme att möta brukarens behov för dagen.`,
    whatWasDone: `${SYNTHETIC}Biståndshandläggarna fattade beslut i timmar per vecka; personalen planerar innehållet med brukaren.`,
    steps: 'Pröva i en grupp; följ upp med brukare och personal efter tre månader.',
    preconditions: 'Stöd från nämnden; ett planeringssystem som tillåter det.',
    cost: 'Utbildning av handläggare, två dagar.',
    pitfalls: 'Uppföljningen får inte återinföra minutjakten.',
    themes: [PilotTheme.LEADERSHIP],
    sectors: [PilotSector.SOCIAL_CARE],
    methods: [TrustMethod.LESS_DETAIL_STEERING],
    forms: [],
    relations: [],
  });
  await ideas.publish(researcher, { id: idea.id, reason: 'Demo: klar att sprida' });
  c.count('ideas');

  await seedReport(app, ds, researcher, c, { obstacleId: legislation.id, ideaId: idea.id, effectId: effect.id });
}

async function seedReport(
  app: INestApplicationContext,
  ds: DataSource,
  researcher: AuthUser,
  c: FindingsContext,
  about: { obstacleId: string; ideaId: string; effectId: string },
) {
  const reports = app.get(ReportService);
  const evidence = app.get(EvidenceService);
  let report = await reports.start(researcher, { pilotId: c.homeCare.id, title: 'DEMO: Utvärdering av tillitsbaserad hemtjänst' });
  const edit = () => ({ reportId: report.id, expectedVersion: report.version });
  const sections: [ReportSectionKind, string][] = [
    [
      ReportSectionKind.BACKGROUND_METHOD,
      `${SYNTHETIC}Forskarna följde piloten under ett år med fältanteckningar, två enkätomgångar och rapporter om indikatorbörda.`,
    ],
    [ReportSectionKind.RECOMMENDATIONS, `${SYNTHETIC}Ersätt minutstyrda beslut med rambeslut och låt personalen planera med brukaren.`],
    [ReportSectionKind.CONCLUSIONS, `${SYNTHETIC}Mindre detaljstyrning gav mer handlingsutrymme utan ökade kostnader under året.`],
  ];
  for (const [section, body] of sections) report = await reports.writeSection(researcher, { ...edit(), section, body });
  const finding = async (section: ReportSectionKind, statement: string, body: string, subject: { obstacleId?: string; ideaId?: string; effectId?: string }) => {
    const f = await reports.addFinding(researcher, { ...edit(), section, statement, body, ...subject });
    report = await reports.get(researcher, report.id);
    return f;
  };
  const obstacle = await finding(ReportSectionKind.OBSTACLES, 'DEMO: Biståndsbesluten styr i detalj.', `${SYNTHETIC}Besluten per insats lämnar lite utrymme.`, {
    obstacleId: about.obstacleId,
  });
  const example = await finding(ReportSectionKind.GOOD_EXAMPLES, 'DEMO: Rambeslut prövades i en grupp.', `${SYNTHETIC}Se idébanken.`, { ideaId: about.ideaId });
  const effect = await finding(ReportSectionKind.EFFECTS, 'DEMO: Handlingsutrymmet ökade.', `${SYNTHETIC}Både intervjuer och enkäter pekar åt samma håll.`, {
    effectId: about.effectId,
  });

  const [segment] = await ds.query(
    `SELECT s.id FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE o.pilot_id = $1 ORDER BY o.occurred_on, s.id LIMIT 1`,
    [c.homeCare.id],
  );
  const [observation] = await ds.query(`SELECT id FROM observation WHERE pilot_id = $1 ORDER BY occurred_on DESC, id LIMIT 1`, [c.homeCare.id]);
  const [wave] = await ds.query(`SELECT id FROM survey_wave WHERE pilot_id = $1 ORDER BY opens_on, id LIMIT 1`, [c.homeCare.id]);
  const [thief] = await ds.query(
    `SELECT tt.id FROM time_thief tt WHERE tt.organisation_id IN (SELECT organisation_id FROM pilot_participant WHERE pilot_id = $1)
      ORDER BY tt.reported_on, tt.id LIMIT 1`,
    [c.homeCare.id],
  );
  const links: [string, EvidenceKind, string | null, string | null, string][] = [
    [obstacle.id, EvidenceKind.SEGMENT, segment?.id ?? null, null, 'Ett kodat avsnitt om styrningen.'],
    [obstacle.id, EvidenceKind.TIME_THIEF, thief?.id ?? null, null, 'Tidstjuven som besluten ger upphov till.'],
    [example.id, EvidenceKind.OBSERVATION, observation?.id ?? null, null, 'Fältanteckning från gruppen som prövade rambeslut.'],
    [effect.id, EvidenceKind.DISCRETION_RESULTS, wave?.id ?? null, null, 'Baslinjen för handlingsutrymme.'],
    [effect.id, EvidenceKind.BURDEN_SERIES, null, c.leadOrganisationId, 'Tid på rapportering under året.'],
  ];
  for (const [findingId, evidenceKind, evidenceId, organisationId, note] of links) {
    if (!evidenceId && !organisationId) continue;
    await evidence.link(researcher, { findingKind: FindingKind.REPORT_FINDING, findingId, evidenceKind, evidenceId, organisationId, note });
    c.count('evidence links');
  }
  report = await reports.get(researcher, report.id);
  report = await reports.setStatus(researcher, { ...edit(), status: ReportStatus.IN_REVIEW });
  await reports.setStatus(researcher, { ...edit(), status: ReportStatus.FINAL, reason: 'Demo: granskad' });
  c.count('evaluation reports');
}
