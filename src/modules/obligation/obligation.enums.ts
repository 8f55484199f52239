import { registerEnumType } from '@nestjs/graphql';

/** Where one organisation stands with one indicator for one reporting period. */
export enum ObligationStatus {
  REPORTED = 'REPORTED',
  LATE = 'LATE',
  PARTIAL = 'PARTIAL',
  MISSING = 'MISSING',
  DUE = 'DUE',
}
registerEnumType(ObligationStatus, {
  name: 'ObligationStatus',
  description: 'Where an organisation stands with an indicator for a reporting period.',
  valuesMap: {
    REPORTED: { description: 'Reports (its own or an organisation’s above it) cover the whole period, received by the due date.' },
    LATE: { description: 'Covered, but the last covering report arrived after the due date.' },
    PARTIAL: { description: 'Past the due date, and reports cover only part of the period.' },
    MISSING: { description: 'Past the due date, and no report covers any of the period.' },
    DUE: { description: 'Not yet covered, and the due date has not passed (or the period has not ended).' },
  },
});

export enum CompletenessGroupBy {
  PILOT = 'PILOT',
  ORGANISATION = 'ORGANISATION',
  INDICATOR = 'INDICATOR',
  PERIOD = 'PERIOD',
}
registerEnumType(CompletenessGroupBy, {
  name: 'CompletenessGroupBy',
  description: 'What reporting completeness is broken down by.',
  valuesMap: {
    PILOT: { description: 'The pilots the reporting organisations (or organisations above them) take part in; an organisation in two pilots counts in both.' },
    ORGANISATION: { description: 'The organisation that owes the report (a unit without units of its own).' },
    INDICATOR: { description: 'The indicator.' },
    PERIOD: { description: 'Calendar buckets (`bucket`) holding the start of each reporting period.' },
  },
});
