import { EffectAspect, EffectDirection } from '../../effect/effect.enums';
import { EvidenceKind } from '../../evidence/evidence.enums';
import { ObstacleType } from '../../obstacle/obstacle.enums';
import { PilotTheme } from '../../pilot/pilot.enums';
import { ReportStatus } from '../report.enums';

export type DocLang = 'sv' | 'en';

/** The fixed words of the documents, Swedish first and English. */
export const WORDS = {
  sv: {
    report: 'Utvärderingsrapport',
    version: 'Version',
    authors: 'Författare',
    status: 'Status',
    pilot: 'Pilot',
    facts: 'Underlaget',
    observations: 'fältanteckningar',
    codedSegments: 'kodade avsnitt',
    waves: 'enkätomgångar',
    burdenReports: 'rapporter om indikatorbörda',
    timeThieves: 'tidstjuvar',
    supervisionInteractions: 'tillsynskontakter',
    evidence: 'Underlag',
    withheld: 'Underlag som du inte har behörighet att se',
    discretion: 'Handlingsutrymme per enkätomgång',
    discretionNote: 'Medelvärden 0–100 med 95 % konfidensintervall. Grupper med för få svar redovisas inte (–), precis som i API:t.',
    wave: 'Omgång',
    measure: 'Mått',
    n: 'n',
    mean: 'Medel',
    ci: '95 % KI',
    rate: 'Svarsfrekvens',
    suppressed: '– (för få svar)',
    burden: 'Indikatorbörda per kvartal',
    quarter: 'Kvartal',
    hours: 'Arbetstimmar',
    noData: 'Inga uppgifter.',
    summary: 'Tillitsdelegationens sammanställning av utvärderingsrapporterna',
    byTheme: 'Piloternas slutrapporter per tema',
    obstacles: 'Hinder i piloterna, per typ',
    ideas: 'Idébanken',
    noTheme: 'Utan tema',
    quote: (s: string) => `”${s}”`,
    idea: 'Idébanken',
    obstacle: 'Hinder',
    effect: 'Effekt',
  },
  en: {
    report: 'Evaluation report',
    version: 'Version',
    authors: 'Authors',
    status: 'Status',
    pilot: 'Pilot',
    facts: 'The data',
    observations: 'field observations',
    codedSegments: 'coded passages',
    waves: 'survey waves',
    burdenReports: 'indicator burden reports',
    timeThieves: 'time thieves',
    supervisionInteractions: 'supervisory contacts',
    evidence: 'Evidence',
    withheld: 'Evidence you may not see',
    discretion: 'Discretion by survey wave',
    discretionNote: 'Means 0–100 with 95 % confidence intervals. Groups with too few answers are not shown (–), exactly as in the API.',
    wave: 'Wave',
    measure: 'Measure',
    n: 'n',
    mean: 'Mean',
    ci: '95 % CI',
    rate: 'Response rate',
    suppressed: '– (too few answers)',
    burden: 'Indicator burden by quarter',
    quarter: 'Quarter',
    hours: 'Staff hours',
    noData: 'No data.',
    summary: 'The trust delegation’s summary of the evaluation reports',
    byTheme: 'The pilots’ final reports by theme',
    obstacles: 'Obstacles in the pilots, by type',
    ideas: 'The idea bank',
    noTheme: 'No theme',
    quote: (s: string) => `“${s}”`,
    idea: 'Idea bank',
    obstacle: 'Obstacle',
    effect: 'Effect',
  },
} as const;

export const STATUS_WORDS: Record<ReportStatus, [string, string]> = {
  DRAFT: ['Utkast', 'Draft'],
  IN_REVIEW: ['Under granskning', 'In review'],
  FINAL: ['Slutlig', 'Final'],
  SUPERSEDED: ['Ersatt', 'Superseded'],
};

export const EVIDENCE_WORDS: Record<EvidenceKind, [string, string]> = {
  OBSERVATION: ['fältanteckning', 'field observation'],
  SEGMENT: ['kodat avsnitt', 'coded passage'],
  BURDEN_SERIES: ['indikatorbörda', 'indicator burden'],
  DISCRETION_RESULTS: ['handlingsutrymme', 'discretion results'],
  TIME_THIEF: ['tidstjuv', 'time thief'],
  SUPERVISION: ['tillsyn', 'supervision'],
};

export const THEME_WORDS: Record<PilotTheme, [string, string]> = {
  LEADERSHIP: ['Ledarskap', 'Leadership'],
  SUPERVISION: ['Tillsyn', 'Supervision'],
  FOLLOW_UP: ['Uppföljning', 'Follow-up'],
  INNOVATION: ['Innovation', 'Innovation'],
  COOPERATION: ['Samverkan', 'Cooperation'],
  COMPENSATION_MODELS: ['Ersättningsmodeller', 'Compensation models'],
};

export const OBSTACLE_WORDS: Record<ObstacleType, [string, string]> = {
  LEGISLATION: ['Lagstiftning och föreskrifter', 'Legislation and regulation'],
  SUPERVISION: ['Tillsyn', 'Supervision'],
  COMPENSATION_MODEL: ['Ersättningsmodell', 'Compensation model'],
  STATE_GRANTS_AGREEMENTS: ['Statsbidrag och överenskommelser', 'State grants and agreements'],
  IT_SYSTEMS: ['IT-system', 'IT systems'],
  STAFFING_COMPETENCE: ['Bemanning och kompetens', 'Staffing and competence'],
  BUDGET_RESOURCES: ['Budget och resurser', 'Budget and resources'],
  ORGANISATION_COLLABORATION: ['Organisation och samverkan', 'Organisation and collaboration'],
  OTHER: ['Annat', 'Other'],
};

export const ASPECT_WORDS: Record<EffectAspect, [string, string]> = {
  EQUAL_ACCESS: ['Likvärdighet', 'Equal access'],
  LEGAL_CERTAINTY: ['Rättssäkerhet', 'Legal certainty'],
  QUALITY: ['Kvalitet', 'Quality'],
  COSTS: ['Kostnader', 'Costs'],
  COMPLIANCE_WITH_INTENTIONS: ['Efterlevnad av de styrandes intentioner', 'Compliance with the steering’s intentions'],
  COST_CONTROL: ['Kostnadskontroll', 'Cost control'],
  INCENTIVES_PRODUCTION_QUALITY: ['Incitament till produktion och kvalitet', 'Incentives for production and quality'],
  STAFF_DISCRETION: ['Medarbetarnas handlingsutrymme', 'Staff discretion'],
  ADMINISTRATIVE_BURDEN: ['Administrativ börda', 'Administrative burden'],
  INNOVATION_DEVELOPMENT: ['Innovation och verksamhetsutveckling', 'Innovation and development'],
  COLLABORATION: ['Samverkan', 'Collaboration'],
};

export const DIRECTION_WORDS: Record<EffectDirection, [string, string]> = {
  BETTER: ['bättre', 'better'],
  NO_CHANGE: ['ingen förändring', 'no change'],
  WORSE: ['sämre', 'worse'],
  MIXED: ['blandat', 'mixed'],
};

export const pick = (lang: DocLang, words: [string, string]) => (lang === 'sv' ? words[0] : words[1]);
