import { registerEnumType } from '@nestjs/graphql';

/** What imposes requirements on an operation (docs/sources.md; SOU 2017:56 on indicator burden). */
export enum InstrumentKind {
  LAW_OR_REGULATION = 'LAW_OR_REGULATION',
  STATE_SKL_AGREEMENT = 'STATE_SKL_AGREEMENT',
  TARGETED_GRANT = 'TARGETED_GRANT',
  COMPENSATION_MODEL = 'COMPENSATION_MODEL',
  SUPERVISION = 'SUPERVISION',
  PRINCIPAL_FOLLOW_UP = 'PRINCIPAL_FOLLOW_UP',
  QUALITY_REGISTRY = 'QUALITY_REGISTRY',
  OTHER = 'OTHER',
}

/** Process, structure or result measure (SOU 2017:56 §5.3). */
export enum MeasureType {
  STRUCTURE = 'STRUCTURE',
  PROCESS = 'PROCESS',
  RESULT = 'RESULT',
}

export enum AggregationLevel {
  INDIVIDUAL = 'INDIVIDUAL',
  UNIT = 'UNIT',
  ORGANISATION = 'ORGANISATION',
  COUNTY = 'COUNTY',
}

export enum ReportingFrequency {
  CONTINUOUS = 'CONTINUOUS',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  TWICE_A_YEAR = 'TWICE_A_YEAR',
  YEARLY = 'YEARLY',
}

/** Kinds that carry an amount (SEK) and conditions. */
export const FUNDED_KINDS = [InstrumentKind.STATE_SKL_AGREEMENT, InstrumentKind.TARGETED_GRANT];

registerEnumType(InstrumentKind, {
  name: 'InstrumentKind',
  description: 'Kind of steering instrument (styrmedel).',
  valuesMap: {
    LAW_OR_REGULATION: { description: 'Lag eller förordning.' },
    STATE_SKL_AGREEMENT: { description: 'Överenskommelse mellan staten och SKL.' },
    TARGETED_GRANT: { description: 'Riktat (specialdestinerat) statsbidrag.' },
    COMPENSATION_MODEL: { description: 'Ersättningsmodell.' },
    SUPERVISION: { description: 'Tillsyn.' },
    PRINCIPAL_FOLLOW_UP: { description: 'Huvudmannens egen uppföljning.' },
    QUALITY_REGISTRY: { description: 'Kvalitetsregister.' },
    OTHER: { description: 'Annat.' },
  },
});
registerEnumType(MeasureType, {
  name: 'MeasureType',
  description: 'Struktur-, process- eller resultatmått.',
  valuesMap: {
    STRUCTURE: { description: 'Strukturmått: the conditions (staffing, premises, competence).' },
    PROCESS: { description: 'Processmått: what is done and how.' },
    RESULT: { description: 'Resultatmått: outcomes for users and patients.' },
  },
});
registerEnumType(AggregationLevel, {
  name: 'AggregationLevel',
  description: 'The level a measure is aggregated to.',
  valuesMap: {
    INDIVIDUAL: { description: 'Per person (patient, user or employee).' },
    UNIT: { description: 'Per unit.' },
    ORGANISATION: { description: 'Per organisation (a municipality, a region, a provider).' },
    COUNTY: { description: 'Per county.' },
  },
});
registerEnumType(ReportingFrequency, {
  name: 'ReportingFrequency',
  description: 'How often an indicator is reported: the periods reportingObligations expects.',
  valuesMap: {
    CONTINUOUS: { description: 'Continuously (e.g. per visit); due monthly.' },
    MONTHLY: { description: 'Every month.' },
    QUARTERLY: { description: 'Every quarter.' },
    TWICE_A_YEAR: { description: 'Every half-year.' },
    YEARLY: { description: 'Every year.' },
  },
});
