import { registerEnumType } from '@nestjs/graphql';

/** What kind of supervisory contact it was (Dir. 2016:51 on state supervision, D:561–635). */
export enum SupervisionKind {
  INSPECTION = 'INSPECTION',
  COMPLAINT_INVESTIGATION = 'COMPLAINT_INVESTIGATION',
  THEMATIC_REVIEW = 'THEMATIC_REVIEW',
  DATA_REQUEST = 'DATA_REQUEST',
  DIALOGUE = 'DIALOGUE',
}

/** How often the data asked for is to be delivered (D:569–571: the same data asked for at different frequencies). */
export enum RequestFrequency {
  ONCE = 'ONCE',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
  IRREGULAR = 'IRREGULAR',
}

/** Whether the interaction steered by control or enabled development (SOU 2017:56's controlling and enabling steering). */
export enum SupervisionCharacter {
  CONTROLLING = 'CONTROLLING',
  ENABLING = 'ENABLING',
  MIXED = 'MIXED',
}

registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: 'What kind of supervisory contact it was (tillsyn, D:561–635).',
  valuesMap: {
    INSPECTION: { description: 'Inspektion / inspection.' },
    COMPLAINT_INVESTIGATION: { description: 'Klagomålsutredning / complaint investigation.' },
    THEMATIC_REVIEW: { description: 'Tematisk granskning / thematic review.' },
    DATA_REQUEST: { description: 'Begäran om uppgifter / data request.' },
    DIALOGUE: { description: 'Dialog- eller lärandemöte / dialogue or learning meeting (D:590–606).' },
  },
});

registerEnumType(RequestFrequency, {
  name: 'RequestFrequency',
  description: 'How often the requested data is to be delivered.',
  valuesMap: {
    ONCE: { description: 'En gång / once.' },
    WEEKLY: { description: 'Varje vecka / weekly.' },
    MONTHLY: { description: 'Varje månad / monthly.' },
    QUARTERLY: { description: 'Varje kvartal / quarterly.' },
    YEARLY: { description: 'Varje år / yearly.' },
    IRREGULAR: { description: 'Oregelbundet / irregularly.' },
  },
});

registerEnumType(SupervisionCharacter, {
  name: 'SupervisionCharacter',
  description: 'Whether the interaction was controlling or enabling in character.',
  valuesMap: {
    CONTROLLING: { description: 'Kontrollerande / controlling: checks compliance.' },
    ENABLING: { description: 'Möjliggörande / enabling: supports learning and development (D:590–606).' },
    MIXED: { description: 'Blandad / both.' },
  },
});
