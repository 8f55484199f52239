import { registerEnumType } from '@nestjs/graphql';

/** What an item measures (docs/analysis.md, the survey instrument). */
/** Append new dimensions at the end: each response's scores are stored in this order (SCORED_DIMENSIONS). */
export enum SurveyDimension {
  DECISION_AUTHORITY = 'DECISION_AUTHORITY',
  SKILL_DISCRETION = 'SKILL_DISCRETION',
  TIME_FOR_CORE_WORK = 'TIME_FOR_CORE_WORK',
  INFLUENCE_ON_FOLLOW_UP = 'INFLUENCE_ON_FOLLOW_UP',
  ADMINISTRATIVE_BURDEN = 'ADMINISTRATIVE_BURDEN',
  TRUST_PRINCIPAL_AND_OPERATIONS = 'TRUST_PRINCIPAL_AND_OPERATIONS',
  TRUST_BETWEEN_DECISION_LEVELS = 'TRUST_BETWEEN_DECISION_LEVELS',
  TRUST_BETWEEN_RELATED_OPERATIONS = 'TRUST_BETWEEN_RELATED_OPERATIONS',
  TRUST_AUDITOR_AND_AUDITED = 'TRUST_AUDITOR_AND_AUDITED',
  PRINCIPAL_ABILITY = 'PRINCIPAL_ABILITY',
  PRINCIPAL_INTEGRITY = 'PRINCIPAL_INTEGRITY',
  PRINCIPAL_BENEVOLENCE = 'PRINCIPAL_BENEVOLENCE',
}

/** The order of `survey_response.scores`: one score per dimension, null where the instrument has none. */
export const SCORED_DIMENSIONS: readonly SurveyDimension[] = Object.values(SurveyDimension);

export enum ScaleKind {
  /** Integers 1–5 with a label per step. */
  LIKERT_5 = 'LIKERT_5',
  /** A number between min and max, e.g. percent of working time. */
  NUMBER = 'NUMBER',
}

export enum RespondentCategory {
  FRONT_LINE_STAFF = 'FRONT_LINE_STAFF',
  FIRST_LINE_MANAGER = 'FIRST_LINE_MANAGER',
  MIDDLE_MANAGER = 'MIDDLE_MANAGER',
  SENIOR_MANAGER = 'SENIOR_MANAGER',
  POLITICIAN = 'POLITICIAN',
}

export enum TenureBand {
  UNDER_1_YEAR = 'UNDER_1_YEAR',
  YEARS_1_TO_3 = 'YEARS_1_TO_3',
  YEARS_3_TO_10 = 'YEARS_3_TO_10',
  OVER_10_YEARS = 'OVER_10_YEARS',
}

registerEnumType(SurveyDimension, {
  name: 'SurveyDimension',
  description: 'What a survey item measures.',
  valuesMap: {
    DECISION_AUTHORITY: { description: 'Say over how one’s own work is done (handlingsutrymme).' },
    SKILL_DISCRETION: { description: 'Room to use and develop one’s competence.' },
    TIME_FOR_CORE_WORK: { description: 'Share of working time spent with the people the service is for.' },
    INFLUENCE_ON_FOLLOW_UP: { description: 'Influence over how one’s work is followed up.' },
    ADMINISTRATIVE_BURDEN: { description: 'Time and effort spent on documentation and reporting.' },
    TRUST_PRINCIPAL_AND_OPERATIONS: { description: 'Trust between the political principal and the operations.' },
    TRUST_BETWEEN_DECISION_LEVELS: { description: 'Trust between decision levels within the operation.' },
    TRUST_BETWEEN_RELATED_OPERATIONS: { description: 'Trust between related operations.' },
    TRUST_AUDITOR_AND_AUDITED: { description: 'Trust between the auditing and the audited operation.' },
    PRINCIPAL_ABILITY: { description: 'The management’s ability (förmåga), as staff see it.' },
    PRINCIPAL_INTEGRITY: { description: 'The management’s integrity, as staff see it.' },
    PRINCIPAL_BENEVOLENCE: { description: 'The management’s benevolence (välvilja), as staff see it.' },
  },
});
registerEnumType(ScaleKind, {
  name: 'ScaleKind',
  description: 'How an item is answered.',
  valuesMap: {
    LIKERT_5: { description: 'Integers 1–5, with a label per step.' },
    NUMBER: { description: 'A number between the item’s min and max (e.g. percent of working time).' },
  },
});
registerEnumType(RespondentCategory, {
  name: 'RespondentCategory',
  description: 'The respondent’s position: the only thing a response says about who answered, with the tenure band.',
  valuesMap: {
    FRONT_LINE_STAFF: { description: 'Medarbetare som möter brukaren.' },
    FIRST_LINE_MANAGER: { description: 'Första linjens chef.' },
    MIDDLE_MANAGER: { description: 'Mellanchef.' },
    SENIOR_MANAGER: { description: 'Högre chef.' },
    POLITICIAN: { description: 'Politiker.' },
  },
});
registerEnumType(TenureBand, {
  name: 'TenureBand',
  description: 'Years in the current kind of work.',
  valuesMap: {
    UNDER_1_YEAR: { description: 'Under a year.' },
    YEARS_1_TO_3: { description: 'One to three years.' },
    YEARS_3_TO_10: { description: 'Three to ten years.' },
    OVER_10_YEARS: { description: 'More than ten years.' },
  },
});

/** How a person names a category or band, Swedish first: what forms show and CSV files may use. */
export interface Label {
  sv: string;
  en: string;
}

export const RESPONDENT_CATEGORY_LABELS: Record<RespondentCategory, Label> = {
  FRONT_LINE_STAFF: { sv: 'Medarbetare', en: 'Front-line staff' },
  FIRST_LINE_MANAGER: { sv: 'Första linjens chef', en: 'First-line manager' },
  MIDDLE_MANAGER: { sv: 'Mellanchef', en: 'Middle manager' },
  SENIOR_MANAGER: { sv: 'Högre chef', en: 'Senior manager' },
  POLITICIAN: { sv: 'Politiker', en: 'Politician' },
};

export const TENURE_BAND_LABELS: Record<TenureBand, Label> = {
  UNDER_1_YEAR: { sv: 'Mindre än 1 år', en: 'Less than 1 year' },
  YEARS_1_TO_3: { sv: '1–3 år', en: '1–3 years' },
  YEARS_3_TO_10: { sv: '3–10 år', en: '3–10 years' },
  OVER_10_YEARS: { sv: 'Mer än 10 år', en: 'More than 10 years' },
};

/** The instrument shipped with the system (inserted by the Surveys migration). */
export const DEFAULT_SURVEY_INSTRUMENT_ID = '5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001';
