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
  OBSTACLE = 'OBSTACLE',
  EFFECT = 'EFFECT',
  IDEA = 'IDEA',
  OWN_CODE = 'OWN_CODE',
  SUPERVISION = 'SUPERVISION',
  EVALUATION_REPORT = 'EVALUATION_REPORT',
  EVIDENCE_LINK = 'EVIDENCE_LINK',
  SURVEY_INSTRUMENT = 'SURVEY_INSTRUMENT',
  SURVEY_WAVE = 'SURVEY_WAVE',
  SURVEY_BATCH = 'SURVEY_BATCH',
  STAFF_SIZE = 'STAFF_SIZE',
  SURVEY_LINK = 'SURVEY_LINK',
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
registerEnumType(AuditEntity, {
  name: 'AuditEntity',
  description: 'The kind of record an audit entry is about.',
  valuesMap: {
    USER: { description: 'A user account.' },
    ORGANISATION: { description: 'An organisation.' },
    PILOT: { description: 'A pilot.' },
    PILOT_PARTICIPANT: { description: 'An organisation’s part in a pilot.' },
    PILOT_RESEARCHER: { description: 'A researcher following a pilot.' },
    OBSERVATION: { description: 'A field observation.' },
    CODED_SEGMENT: { description: 'A coded passage of an observation.' },
    STEERING_INSTRUMENT: { description: 'A steering instrument.' },
    INDICATOR: { description: 'An indicator.' },
    BURDEN_REPORT: { description: 'A burden report.' },
    TIME_THIEF: { description: 'A time thief.' },
    OBSTACLE: { description: 'An obstacle in a pilot.' },
    EFFECT: { description: 'An assessed effect of a pilot.' },
    IDEA: { description: 'An idea-bank entry.' },
    OWN_CODE: { description: 'A researchers’ own code.' },
    SUPERVISION: { description: 'A supervisory contact with an organisation.' },
    EVALUATION_REPORT: { description: 'A version of a pilot’s evaluation report (its sections, findings and authors included).' },
    EVIDENCE_LINK: { description: 'A finding’s link to its evidence.' },
    SURVEY_INSTRUMENT: { description: 'A survey instrument.' },
    SURVEY_WAVE: { description: 'A survey wave.' },
    SURVEY_BATCH: { description: 'A batch of survey responses (counted, never the answers).' },
    STAFF_SIZE: { description: 'A unit’s staff size.' },
    SURVEY_LINK: { description: 'A survey link (its token is never in the trail).' },
  },
});
