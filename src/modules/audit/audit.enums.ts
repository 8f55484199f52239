import { registerEnumType } from '@nestjs/graphql';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
}

/** The kinds of record the trail covers (grows with each feature). */
export enum AuditEntity {
  USER = 'USER',
  ORGANISATION = 'ORGANISATION',
  PILOT = 'PILOT',
  PILOT_PARTICIPANT = 'PILOT_PARTICIPANT',
  PILOT_RESEARCHER = 'PILOT_RESEARCHER',
  OBSERVATION = 'OBSERVATION',
  CODED_SEGMENT = 'CODED_SEGMENT',
  STEERING_INSTRUMENT = 'STEERING_INSTRUMENT',
  INDICATOR = 'INDICATOR',
  BURDEN_REPORT = 'BURDEN_REPORT',
  TIME_THIEF = 'TIME_THIEF',
  SURVEY_INSTRUMENT = 'SURVEY_INSTRUMENT',
  SURVEY_WAVE = 'SURVEY_WAVE',
  SURVEY_BATCH = 'SURVEY_BATCH',
  STAFF_SIZE = 'STAFF_SIZE',
}

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What a write did.',
  valuesMap: {
    CREATE: { description: 'Created the record.' },
    UPDATE: { description: 'Changed it (a resubmission or edit; the reason says why).' },
    DELETE: { description: 'Withdrew or deleted it: the row stays, marked, with the reason; it leaves every result.' },
    RESTORE: { description: 'Took a withdrawal or deletion back, with a reason.' },
  },
});
registerEnumType(AuditEntity, { name: 'AuditEntity', description: 'The kind of record an audit entry is about.' });
