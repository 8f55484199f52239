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

/** The four parts of the delegation's definition of trust-based steering (SOU 2017:56 §2.2.1, S:1399–1408). */
export enum TrustDefinitionPart {
  PURPOSE_AND_USER_NEEDS = 'PURPOSE_AND_USER_NEEDS',
  COLLABORATION_AND_WHOLE_VIEW = 'COLLABORATION_AND_WHOLE_VIEW',
  TRUSTFUL_RELATIONS = 'TRUSTFUL_RELATIONS',
  ABILITY_INTEGRITY_BENEVOLENCE = 'ABILITY_INTEGRITY_BENEVOLENCE',
}

/** Simons' four control systems (SOU 2017:56 kap. 3, S:1962–1971): two controlling, two enabling. */
export enum ControlSystem {
  DIAGNOSTIC = 'DIAGNOSTIC',
  BOUNDARY = 'BOUNDARY',
  BELIEFS = 'BELIEFS',
  INTERACTIVE = 'INTERACTIVE',
}

/** The seven effect variables of steering (SOU 2017:56 kap. 3, S:2266–2269). */
export enum EffectVariable {
  COMPLIANCE_WITH_INTENTIONS = 'COMPLIANCE_WITH_INTENTIONS',
  COST_CONTROL = 'COST_CONTROL',
  INCENTIVES_PRODUCTION_QUALITY = 'INCENTIVES_PRODUCTION_QUALITY',
  STAFF_DISCRETION = 'STAFF_DISCRETION',
  ADMINISTRATIVE_BURDEN = 'ADMINISTRATIVE_BURDEN',
  INNOVATION_DEVELOPMENT = 'INNOVATION_DEVELOPMENT',
  COLLABORATION = 'COLLABORATION',
}

/** Contextual conditions outside formal steering (SOU 2017:56 §2.2.2, S:1536–1544). */
export enum ContextualCondition {
  SOCIETAL_ATTITUDES = 'SOCIETAL_ATTITUDES',
  NATIONAL_AGENCY_STRUCTURE = 'NATIONAL_AGENCY_STRUCTURE',
  SURROUNDING_ORGANISATIONS_PRACTICES = 'SURROUNDING_ORGANISATIONS_PRACTICES',
  INTEREST_ORGANISATIONS = 'INTEREST_ORGANISATIONS',
}

/** Which way an effect variable went in what was observed. */
export enum SteeringEffectDirection {
  STRENGTHENS = 'STRENGTHENS',
  WEAKENS = 'WEAKENS',
  MIXED = 'MIXED',
}

/**
 * What a passage shows of a trust-based method: that it was introduced or strengthened, weakened or
 * reversed (e.g. more detail steering, SOU 2017:56 S:7426), or only discussed. The project's own
 * coding category: without it a passage about more detail steering counts as less.
 */
export enum MethodPolarity {
  INTRODUCED_OR_STRENGTHENED = 'INTRODUCED_OR_STRENGTHENED',
  WEAKENED_OR_REVERSED = 'WEAKENED_OR_REVERSED',
  DISCUSSED_WITHOUT_CHANGE = 'DISCUSSED_WITHOUT_CHANGE',
}

/** Every "TERM:QUALIFIER" code of two enums, as stored and counted (e.g. "STAFF_DISCRETION:WEAKENS"). */
const pairCodes = (terms: object, qualifiers: object): string[] => Object.values(terms).flatMap((t) => Object.values(qualifiers).map((q) => `${t}:${q}`));

/** An effect variable with its direction, as one stored code ("STAFF_DISCRETION:WEAKENS"). */
export const EFFECT_VARIABLE_CODES = pairCodes(EffectVariable, SteeringEffectDirection);
/** A method with its polarity, as one stored code ("LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED"). */
export const METHOD_CODES = pairCodes(TrustMethod, MethodPolarity);

// Registered for GraphQL in framework.catalogue.ts, where each value gets its label and source.
