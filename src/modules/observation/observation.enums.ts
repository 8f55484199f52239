import { registerEnumType } from '@nestjs/graphql';

export enum ObservationKind {
  FIELD_VISIT = 'FIELD_VISIT',
  MEETING = 'MEETING',
  INTERVIEW = 'INTERVIEW',
  WORKSHOP = 'WORKSHOP',
  DOCUMENT_STUDY = 'DOCUMENT_STUDY',
  SURVEY_COMMENT = 'SURVEY_COMMENT',
  OTHER = 'OTHER',
}

export enum RespondentRole {
  POLITICIAN = 'POLITICIAN',
  PURCHASER = 'PURCHASER',
  MANAGER = 'MANAGER',
  FIRST_LINE_MANAGER = 'FIRST_LINE_MANAGER',
  FRONT_LINE_STAFF = 'FRONT_LINE_STAFF',
  NEEDS_ASSESSOR = 'NEEDS_ASSESSOR',
  UNION_REPRESENTATIVE = 'UNION_REPRESENTATIVE',
  USER_CITIZEN = 'USER_CITIZEN',
}

/** How steering came across in what was observed (SOU 2017:56 chapter 3), or a mix of both. */
export enum CodedOrientation {
  CONTROLLING = 'CONTROLLING',
  ENABLING = 'ENABLING',
  MIXED = 'MIXED',
}

export enum TrustEffect {
  STRENGTHENS = 'STRENGTHENS',
  WEAKENS = 'WEAKENS',
  NEUTRAL = 'NEUTRAL',
  UNCLEAR = 'UNCLEAR',
}

export enum CodeMatch {
  ANY = 'ANY',
  ALL = 'ALL',
}

registerEnumType(ObservationKind, {
  name: 'ObservationKind',
  description: 'How the researcher came by it.',
  valuesMap: {
    FIELD_VISIT: { description: 'Arbetsplatsbesök.' },
    MEETING: { description: 'Möte.' },
    INTERVIEW: { description: 'Intervju.' },
    WORKSHOP: { description: 'Workshop.' },
    DOCUMENT_STUDY: { description: 'Dokumentstudie.' },
    SURVEY_COMMENT: { description: 'Fritextsvar i en enkät.' },
    OTHER: { description: 'Annat.' },
  },
});
registerEnumType(RespondentRole, {
  name: 'RespondentRole',
  description: 'Who spoke, in an interview or conversation.',
  valuesMap: {
    POLITICIAN: { description: 'Politiker.' },
    PURCHASER: { description: 'Beställare.' },
    MANAGER: { description: 'Chef (verksamhets- eller förvaltningschef).' },
    FIRST_LINE_MANAGER: { description: 'Första linjens chef.' },
    FRONT_LINE_STAFF: { description: 'Medarbetare som möter brukaren.' },
    NEEDS_ASSESSOR: { description: 'Biståndshandläggare.' },
    UNION_REPRESENTATIVE: { description: 'Fackligt ombud.' },
    USER_CITIZEN: { description: 'Brukare / medborgare.' },
  },
});
registerEnumType(CodedOrientation, {
  name: 'CodedOrientation',
  description: 'Kontrollerande, möjliggörande eller blandad styrning.',
  valuesMap: {
    CONTROLLING: { description: 'Kontrollerande styrning (SOU 2017:56 kap. 3).' },
    ENABLING: { description: 'Möjliggörande styrning (SOU 2017:56 kap. 3).' },
    MIXED: { description: 'Both at once: the project’s own addition, not a term of the source.' },
  },
});
registerEnumType(TrustEffect, {
  name: 'TrustEffect',
  description:
    'How what was observed affected trust, as the researcher judges it: the project’s own addition, not a term of SOU 2017:56 (framework.effectsOnTrust).',
  valuesMap: {
    STRENGTHENS: { description: 'Strengthened trust.' },
    WEAKENS: { description: 'Weakened trust.' },
    NEUTRAL: { description: 'No effect on trust.' },
    UNCLEAR: { description: 'Cannot be judged.' },
  },
});
registerEnumType(CodeMatch, {
  name: 'CodeMatch',
  description: 'ANY: at least one of the given codes; ALL: every one of them.',
  valuesMap: {
    ANY: { description: 'At least one of the codes.' },
    ALL: { description: 'Every one of the codes.' },
  },
});
