import { registerEnumType } from '@nestjs/graphql';
import type { StatusRules } from '../../common/status-history/status-change';

/** Where an obstacle lies (Dir. 2016:51: legislation, supervision, compensation models, D:471–502, D:627–630). */
export enum ObstacleType {
  LEGISLATION = 'LEGISLATION',
  SUPERVISION = 'SUPERVISION',
  COMPENSATION_MODEL = 'COMPENSATION_MODEL',
  STATE_GRANTS_AGREEMENTS = 'STATE_GRANTS_AGREEMENTS',
  IT_SYSTEMS = 'IT_SYSTEMS',
  STAFFING_COMPETENCE = 'STAFFING_COMPETENCE',
  BUDGET_RESOURCES = 'BUDGET_RESOURCES',
  ORGANISATION_COLLABORATION = 'ORGANISATION_COLLABORATION',
  OTHER = 'OTHER',
}

/** Who could make the change an obstacle needs. */
export enum ChangeMaker {
  GOVERNMENT = 'GOVERNMENT',
  AGENCY = 'AGENCY',
  PRINCIPAL = 'PRINCIPAL',
  ORGANISATION_ITSELF = 'ORGANISATION_ITSELF',
}

export enum ObstacleStatus {
  IDENTIFIED = 'IDENTIFIED',
  RAISED = 'RAISED',
  BEING_ADDRESSED = 'BEING_ADDRESSED',
  REMOVED = 'REMOVED',
  KEPT = 'KEPT',
}

/** Allowed moves: identified → raised → being addressed → removed, or kept (with a reason); a decision can be reopened. */
export const OBSTACLE_TRANSITIONS: Record<ObstacleStatus, ObstacleStatus[]> = {
  IDENTIFIED: [ObstacleStatus.RAISED, ObstacleStatus.BEING_ADDRESSED, ObstacleStatus.REMOVED, ObstacleStatus.KEPT],
  RAISED: [ObstacleStatus.BEING_ADDRESSED, ObstacleStatus.REMOVED, ObstacleStatus.KEPT],
  BEING_ADDRESSED: [ObstacleStatus.REMOVED, ObstacleStatus.KEPT],
  REMOVED: [ObstacleStatus.BEING_ADDRESSED],
  KEPT: [ObstacleStatus.BEING_ADDRESSED],
};

/** The rules of an obstacle's status history (a reason is needed to keep one). */
export const OBSTACLE_STATUS_RULES: StatusRules<ObstacleStatus> = {
  what: 'an obstacle',
  transitions: OBSTACLE_TRANSITIONS,
  needsReason: [ObstacleStatus.KEPT],
};

registerEnumType(ObstacleType, {
  name: 'ObstacleType',
  description: 'Where an obstacle to trust-based steering lies.',
  valuesMap: {
    LEGISLATION: { description: 'Lagstiftning och föreskrifter / legislation and regulation.' },
    SUPERVISION: { description: 'Tillsyn / supervision.' },
    COMPENSATION_MODEL: { description: 'Ersättningsmodell / compensation model.' },
    STATE_GRANTS_AGREEMENTS: { description: 'Statsbidrag och överenskommelser / state grants and agreements.' },
    IT_SYSTEMS: { description: 'IT-system / IT systems.' },
    STAFFING_COMPETENCE: { description: 'Bemanning och kompetens / staffing and competence.' },
    BUDGET_RESOURCES: { description: 'Budget och resurser / budget and resources.' },
    ORGANISATION_COLLABORATION: { description: 'Organisation och samverkan / organisation and collaboration.' },
    OTHER: { description: 'Annat / other.' },
  },
});

registerEnumType(ChangeMaker, {
  name: 'ChangeMaker',
  description: 'Who could make the change an obstacle needs.',
  valuesMap: {
    GOVERNMENT: { description: 'Regeringen / the government.' },
    AGENCY: { description: 'En myndighet / an agency.' },
    PRINCIPAL: { description: 'Huvudmannen / the principal.' },
    ORGANISATION_ITSELF: { description: 'Verksamheten själv / the organisation itself.' },
  },
});

registerEnumType(ObstacleStatus, {
  name: 'ObstacleStatus',
  description: 'Where an obstacle stands: identified, raised, being addressed, removed, or kept with a reason.',
  valuesMap: {
    IDENTIFIED: { description: 'Identifierat / identified.' },
    RAISED: { description: 'Lyft till den som kan ändra det / raised with whoever could change it.' },
    BEING_ADDRESSED: { description: 'Åtgärdas / being addressed.' },
    REMOVED: { description: 'Undanröjt / removed.' },
    KEPT: { description: 'Kvar, med skäl / kept, with a reason.' },
  },
});
