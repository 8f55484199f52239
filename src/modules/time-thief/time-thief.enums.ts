import { registerEnumType } from '@nestjs/graphql';
import type { StatusRules } from '../../common/status-history/status-change';

export enum TimeThiefStatus {
  REPORTED = 'REPORTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REMOVED = 'REMOVED',
  KEPT = 'KEPT',
}

/** Allowed moves: reported → under review → removed, or kept (with a reason); decisions can be reopened. */
export const TRANSITIONS: Record<TimeThiefStatus, TimeThiefStatus[]> = {
  REPORTED: [TimeThiefStatus.UNDER_REVIEW, TimeThiefStatus.REMOVED, TimeThiefStatus.KEPT],
  UNDER_REVIEW: [TimeThiefStatus.REMOVED, TimeThiefStatus.KEPT],
  REMOVED: [TimeThiefStatus.UNDER_REVIEW],
  KEPT: [TimeThiefStatus.UNDER_REVIEW],
};

/** The rules of a time thief's status history (a reason is needed to keep one). */
export const TIME_THIEF_STATUS_RULES: StatusRules<TimeThiefStatus> = {
  what: 'a time thief',
  transitions: TRANSITIONS,
  needsReason: [TimeThiefStatus.KEPT],
};

registerEnumType(TimeThiefStatus, {
  name: 'TimeThiefStatus',
  description: 'Where a time thief stands: reported, under review, removed, or kept with a reason.',
  valuesMap: {
    REPORTED: { description: 'Rapporterad.' },
    UNDER_REVIEW: { description: 'Under prövning.' },
    REMOVED: { description: 'Borttagen: the task no longer takes the time.' },
    KEPT: { description: 'Kvar, with a reason (e.g. required by law).' },
  },
});
