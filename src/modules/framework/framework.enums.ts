/** The four governance forms, styrformer (SOU 2017:56 §2.2.2). */
export enum GovernanceForm {
  REGEL = 'REGEL',
  PRESTATION = 'PRESTATION',
  EKONOMI = 'EKONOMI',
  NORM = 'NORM',
}

/** The time dimension across the forms (SOU 2017:56 §2.2.2, figure 2.1). */
export enum GovernancePhase {
  PROACTIVE = 'PROACTIVE',
  DURING_IMPLEMENTATION = 'DURING_IMPLEMENTATION',
  REACTIVE = 'REACTIVE',
}

/** The four trust relations, a–d (SOU 2017:56 §2.2.4). */
export enum TrustRelation {
  PRINCIPAL_AND_OPERATIONS = 'PRINCIPAL_AND_OPERATIONS',
  BETWEEN_DECISION_LEVELS = 'BETWEEN_DECISION_LEVELS',
  BETWEEN_RELATED_OPERATIONS = 'BETWEEN_RELATED_OPERATIONS',
  AUDITOR_AND_AUDITED = 'AUDITOR_AND_AUDITED',
}

/** The seven methods for trust-based steering, i–vii (SOU 2017:56 §2.2.3). */
export enum TrustMethod {
  LESS_DETAIL_STEERING = 'LESS_DETAIL_STEERING',
  KNOWLEDGE_DEVELOPMENT_STRUCTURES = 'KNOWLEDGE_DEVELOPMENT_STRUCTURES',
  VALUES_WORK = 'VALUES_WORK',
  PROFESSIONALS_IN_DECISIONS = 'PROFESSIONALS_IN_DECISIONS',
  STAFF_ANCHORED_FOLLOW_UP = 'STAFF_ANCHORED_FOLLOW_UP',
  ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS = 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS',
  ADMINISTRATIVE_TASKS_TO_ADMINISTRATION = 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION',
}

/** Trustworthiness: ability, integrity, benevolence (SOU 2017:56 §2.2.1 (4), after Mayer et al. 1995). */
export enum Trustworthiness {
  ABILITY = 'ABILITY',
  INTEGRITY = 'INTEGRITY',
  BENEVOLENCE = 'BENEVOLENCE',
}

/** Controlling or enabling steering (SOU 2017:56 chapter 3, after Simons 1995). */
export enum SteeringOrientation {
  CONTROLLING = 'CONTROLLING',
  ENABLING = 'ENABLING',
}

/** The seven compensation principles common in Sweden (SOU 2017:56 §5.2). */
export enum CompensationPrinciple {
  APPROPRIATION = 'APPROPRIATION',
  CAPITATION = 'CAPITATION',
  PER_PLACE = 'PER_PLACE',
  PER_GRANTED_SERVICE = 'PER_GRANTED_SERVICE',
  PER_PERFORMED_SERVICE = 'PER_PERFORMED_SERVICE',
  PER_PRODUCT_GROUP = 'PER_PRODUCT_GROUP',
  GOAL_BASED = 'GOAL_BASED',
}

// Registered for GraphQL in framework.catalogue.ts, where each value gets its label and source.
