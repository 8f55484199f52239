import { registerEnumType } from '@nestjs/graphql';

/** What a piece of evidence is (issue 13 §5). */
export enum EvidenceKind {
  OBSERVATION = 'OBSERVATION',
  SEGMENT = 'SEGMENT',
  BURDEN_SERIES = 'BURDEN_SERIES',
  DISCRETION_RESULTS = 'DISCRETION_RESULTS',
  TIME_THIEF = 'TIME_THIEF',
  SUPERVISION = 'SUPERVISION',
}

/** What a piece of evidence supports. */
export enum FindingKind {
  OBSTACLE = 'OBSTACLE',
  EFFECT = 'EFFECT',
  IDEA = 'IDEA',
  REPORT_FINDING = 'REPORT_FINDING',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What a piece of evidence is.',
  valuesMap: {
    OBSERVATION: { description: 'Fältanteckning / a field observation (evidenceId: the observation).' },
    SEGMENT: { description: 'Kodat avsnitt / a coded passage of an observation (evidenceId: the segment).' },
    BURDEN_SERIES: {
      description:
        'Indikatorbörda / the burden series of an indicator, a unit, or an indicator in a unit (evidenceId: the indicator; organisationId: the unit).',
    },
    DISCRETION_RESULTS: {
      description: 'Handlingsutrymme / the discretion results of a survey wave, with the API’s disclosure control (evidenceId: the wave).',
    },
    TIME_THIEF: { description: 'Tidstjuv / a time thief (evidenceId: the time thief).' },
    SUPERVISION: { description: 'Tillsyn / a supervisory contact (evidenceId: the contact).' },
  },
});

registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: 'What a piece of evidence supports.',
  valuesMap: {
    OBSTACLE: { description: 'An obstacle.' },
    EFFECT: { description: 'An assessed effect.' },
    IDEA: { description: 'An idea-bank entry.' },
    REPORT_FINDING: { description: 'A finding of an evaluation report.' },
  },
});
