import { registerEnumType } from '@nestjs/graphql';
import { CompensationPrinciple, GovernanceForm, GovernancePhase, SteeringOrientation, TrustMethod, TrustRelation, Trustworthiness } from './framework.enums';

/**
 * The framework of SOU 2017:56 "Jakten på den perfekta ersättningsmodellen" (Tillitsdelegationen),
 * cited by line of its plain-text edition (docs/sources.md). Swedish labels are the source's own headings or
 * terms; definitions are our short summaries of the passage cited in `source` (line numbers in
 * that file are given in comments). The spec `framework.catalogue.spec.ts` checks every Swedish
 * label and section against the source text.
 */
export interface CatalogueTerm<C extends string> {
  code: C;
  labelSv: string;
  labelEn: string;
  definitionSv: string;
  definitionEn: string;
  source: string;
}

const SOU = 'SOU 2017:56';

// §2.2.2, lines 1515–1534 (list) and 1561–1643 (discussion).
export const GOVERNANCE_FORMS: CatalogueTerm<GovernanceForm>[] = [
  {
    code: GovernanceForm.REGEL,
    labelSv: 'Regelstyrning',
    labelEn: 'Rule-based steering',
    definitionSv: 'Styrning genom lagstiftning, förordningar, kollektivavtal och andra regelverk.',
    definitionEn: 'Steering through legislation, ordinances, collective agreements and other rule sets.',
    source: `${SOU} §2.2.2`,
  },
  {
    code: GovernanceForm.PRESTATION,
    labelSv: 'Prestationsstyrning',
    labelEn: 'Performance steering',
    definitionSv:
      'Styrning av bemötande och kvalitet vid produktionen av tjänster (resultat, utan hänsyn till ekonomi), med kvantitativa eller kvalitativa mått.',
    definitionEn: 'Steering of how services are delivered and their quality (results, regardless of cost), by quantitative or qualitative measures.',
    source: `${SOU} §2.2.2`,
  },
  {
    code: GovernanceForm.EKONOMI,
    labelSv: 'Ekonomistyrning',
    labelEn: 'Financial steering',
    definitionSv:
      'Ekonomisk budgetering och uppföljning: att tillföra, minska och fördela ekonomiska resurser, ofta med incitament att följa de styrandes mål.',
    definitionEn: 'Budgeting and financial follow-up: adding, reducing and allocating money, often with incentives to follow the goals of those who steer.',
    source: `${SOU} §2.2.2`,
  },
  {
    code: GovernanceForm.NORM,
    labelSv: 'Normstyrning',
    labelEn: 'Normative steering',
    definitionSv: 'Försök att påverka attityder, beteenden och normer genom kultur, ledarskap och värdegrund.',
    definitionEn: 'Attempts to influence attitudes, behaviour and norms through culture, leadership and shared values.',
    source: `${SOU} §2.2.2`,
  },
];

// §2.2.2, lines 1552–1555 (figure 2.1).
export const PHASES: CatalogueTerm<GovernancePhase>[] = [
  {
    code: GovernancePhase.PROACTIVE,
    labelSv: 'Proaktiva insatser',
    labelEn: 'Proactive measures',
    definitionSv: 'Styrning i förväg, innan verksamheten genomförs (input).',
    definitionEn: 'Steering in advance, before the operation is carried out (input).',
    source: `${SOU} §2.2.2, figur 2.1`,
  },
  {
    code: GovernancePhase.DURING_IMPLEMENTATION,
    labelSv: 'Insatser under pågående implementering',
    labelEn: 'Measures during implementation',
    definitionSv: 'Styrning medan verksamheten pågår.',
    definitionEn: 'Steering while the operation is under way.',
    source: `${SOU} §2.2.2, figur 2.1`,
  },
  {
    code: GovernancePhase.REACTIVE,
    labelSv: 'Reaktiva insatser',
    labelEn: 'Reactive measures',
    definitionSv: 'Styrning i efterhand, till exempel tillsyn.',
    definitionEn: 'Steering after the fact, for example supervision (tillsyn).',
    source: `${SOU} §2.2.2, figur 2.1`,
  },
];

// §2.2.4, lines 1771–1820.
export const TRUST_RELATIONS: CatalogueTerm<TrustRelation>[] = [
  {
    code: TrustRelation.PRINCIPAL_AND_OPERATIONS,
    labelSv: 'Tillit mellan den politiska huvudmannen och verksamheterna',
    labelEn: 'Trust between the political principal and the operations',
    definitionSv: 'Kan ta sig uttryck i färre prestationsmått och i en dialog där verksamheten lämnar förslag till huvudmannen, t.ex. om regelförenklingar.',
    definitionEn: 'Can show in fewer performance measures and in a dialogue where the operation brings proposals to the principal, e.g. on simpler rules.',
    source: `${SOU} §2.2.4 (a)`,
  },
  {
    code: TrustRelation.BETWEEN_DECISION_LEVELS,
    labelSv: 'Tillit mellan beslutsnivåer inom verksamheten',
    labelEn: 'Trust between decision levels within the operation',
    definitionSv: 'Alla nivåer från ledningen till medarbetarna i organisationens bas; tilliten sipprar ned i delegationsordningen.',
    definitionEn: 'Every level from management to the staff at the base of the organisation; trust trickles down the chain of delegation.',
    source: `${SOU} §2.2.4 (b)`,
  },
  {
    code: TrustRelation.BETWEEN_RELATED_OPERATIONS,
    labelSv: 'Tillit mellan relaterade verksamheter',
    labelEn: 'Trust between related operations',
    definitionSv:
      'Verksamheter som samverkar kring samma brukare, patient eller elev, t.ex. kommunal omsorg och sjukvård, eller offentliga, privata och idéburna utförare.',
    definitionEn:
      'Operations that work together for the same user, patient or pupil, e.g. municipal care and health care, or public, private and non-profit providers.',
    source: `${SOU} §2.2.4 (c)`,
  },
  {
    code: TrustRelation.AUDITOR_AND_AUDITED,
    labelSv: 'Tillit mellan granskande och granskad verksamhet',
    labelEn: 'Trust between the auditing and the audited operation',
    definitionSv: 'Relationen vid tillsyn, revision, utvärdering och andra former av granskning.',
    definitionEn: 'The relation in supervision, audit, evaluation and other forms of review.',
    source: `${SOU} §2.2.4 (d)`,
  },
];

// §2.2.3, lines 1644–1769.
export const METHODS: CatalogueTerm<TrustMethod>[] = [
  {
    code: TrustMethod.LESS_DETAIL_STEERING,
    labelSv: 'Minskad detaljstyrning',
    labelEn: 'Less detail steering',
    definitionSv: 'Mindre detaljstyrning av lägre beslutsnivåer och utrymme att fatta beslut där medarbetaren har sin kunskapsbas.',
    definitionEn: 'Less detailed steering of lower decision levels, and room to decide where staff hold the knowledge.',
    source: `${SOU} §2.2.3 (i)`,
  },
  {
    code: TrustMethod.KNOWLEDGE_DEVELOPMENT_STRUCTURES,
    labelSv: 'Väl utvecklade strukturer för att främja kunskapsutveckling inom verksamheten',
    labelEn: 'Well-developed structures that promote knowledge development in the operation',
    definitionSv: 'Strukturer för kunskapsförsörjning och lärande, t.ex. fallgenomgångar, mentorer, samverkan med akademin och kunskapsstyrning.',
    definitionEn: 'Structures for recruiting knowledge and for learning, e.g. case reviews, mentors, links to academia and knowledge-based steering.',
    source: `${SOU} §2.2.3 (ii)`,
  },
  {
    code: TrustMethod.VALUES_WORK,
    labelSv: 'Värdegrundsarbete',
    labelEn: 'Work on shared values',
    definitionSv: 'Medvetet arbete för en kultur av integritet och välvilja och en gemensam värdegrund, med ledarskap och chefskap.',
    definitionEn: 'Deliberate work for a culture of integrity and benevolence and shared values, through leadership and management.',
    source: `${SOU} §2.2.3 (iii)`,
  },
  {
    code: TrustMethod.PROFESSIONALS_IN_DECISIONS,
    labelSv: 'Involvering av yrkesprofessionella på lägre beslutsnivåer i beslut',
    labelEn: 'Involving professionals at lower decision levels in decisions',
    definitionSv: 'Medarbetare i frontlinjen får reellt inflytande över beslut på högre nivå, inte som kuliss.',
    definitionEn: 'Front-line staff get real influence over higher-level decisions, not as window dressing.',
    source: `${SOU} §2.2.3 (iv)`,
  },
  {
    code: TrustMethod.STAFF_ANCHORED_FOLLOW_UP,
    labelSv: 'Förankring hos medarbetare av metoder för uppföljning och kontroll',
    labelEn: 'Anchoring methods of follow-up and control with staff',
    definitionSv: 'Medarbetare involveras i utformningen av uppföljning och kontroll så att mätningarna blir ändamålsenliga och stödjer lärande.',
    definitionEn: 'Staff help design follow-up and control so that measures are fit for purpose and support learning.',
    source: `${SOU} §2.2.3 (v)`,
  },
  {
    code: TrustMethod.ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS,
    labelSv: 'Organisatoriska, juridiska och ekonomiska förutsättningar',
    labelEn: 'Organisational, legal and financial conditions',
    definitionSv: 'Motparten har tillräcklig finansiering och de organisatoriska och juridiska förutsättningar som krävs för att leverera.',
    definitionEn: 'The other party has sufficient funding and the organisational and legal conditions it needs to deliver.',
    source: `${SOU} §2.2.3 (vi)`,
  },
  {
    code: TrustMethod.ADMINISTRATIVE_TASKS_TO_ADMINISTRATION,
    labelSv: 'Administrativa uppgifter i administrativa funktioner',
    labelEn: 'Administrative tasks in administrative functions',
    definitionSv: 'Administrativa uppgifter flyttas till administrativ personal så att yrkesprofessionella kan ägna sig åt det de är utbildade för.',
    definitionEn: 'Administrative tasks move to administrative staff so that professionals can do what they are trained for.',
    source: `${SOU} §2.2.3 (vii)`,
  },
];

// §2.2.1 (4), lines 1483–1512.
export const TRUSTWORTHINESS: CatalogueTerm<Trustworthiness>[] = [
  {
    code: Trustworthiness.ABILITY,
    labelSv: 'Förmåga',
    labelEn: 'Ability',
    definitionSv: 'De kunskaper, färdigheter och karaktärsdrag som gör att en aktör kan ha inflytande på ett specifikt område.',
    definitionEn: 'The knowledge, skills and traits that let a party have influence in a specific domain.',
    source: `${SOU} §2.2.1 (4)`,
  },
  {
    code: Trustworthiness.INTEGRITY,
    labelSv: 'Integritet',
    labelEn: 'Integrity',
    definitionSv: 'En konsekvent hållning till principer som motparten accepterar, där ord och handling stämmer överens över tid.',
    definitionEn: 'Consistent adherence to principles the other party accepts, with words and deeds matching over time.',
    source: `${SOU} §2.2.1 (4)`,
  },
  {
    code: Trustworthiness.BENEVOLENCE,
    labelSv: 'Välvilja',
    labelEn: 'Benevolence',
    definitionSv: 'Viljan att hjälpa eller stödja den som visar tillit, även utan belöning.',
    definitionEn: 'The will to help or support the trusting party, even without reward.',
    source: `${SOU} §2.2.1 (4)`,
  },
];

// Chapter 3, lines 1862–1880 and 1995–2003.
export const ORIENTATIONS: CatalogueTerm<SteeringOrientation>[] = [
  {
    code: SteeringOrientation.CONTROLLING,
    labelSv: 'Kontrollerande styrning',
    labelEn: 'Controlling steering',
    definitionSv: 'Formaliserad kontroll där medarbetare förväntas agera i enlighet med beslut som fattas utan deras inblandning.',
    definitionEn: 'Formalised control where staff are expected to act on decisions made without their involvement.',
    source: `${SOU} kap. 3`,
  },
  {
    code: SteeringOrientation.ENABLING,
    labelSv: 'Möjliggörande styrning',
    labelEn: 'Enabling steering',
    definitionSv: 'Medarbetare uppmuntras att vara delaktiga i beslut och processer; bygger mer på informell reglering som dialog.',
    definitionEn: 'Staff are encouraged to take part in decisions and processes; relies more on informal regulation such as dialogue.',
    source: `${SOU} kap. 3`,
  },
];

// §5.2.1–5.2.7, lines 3148–3870.
export const COMPENSATION_PRINCIPLES: CatalogueTerm<CompensationPrinciple>[] = [
  {
    code: CompensationPrinciple.APPROPRIATION,
    labelSv: 'Anslagsfinansiering',
    labelEn: 'Appropriation (budget) funding',
    definitionSv: 'Ersättningen baseras på en i förväg bestämd budget, vanligen utifrån historiska kostnader.',
    definitionEn: 'Payment based on a budget set in advance, usually from historical costs.',
    source: `${SOU} §5.2.1`,
  },
  {
    code: CompensationPrinciple.CAPITATION,
    labelSv: 'Kapitering',
    labelEn: 'Capitation',
    definitionSv: 'Utföraren ansvarar för en viss befolkning och får betalt efter dess storlek och ibland egenskaper, t.ex. listade vid en vårdcentral.',
    definitionEn: 'The provider is responsible for a population and paid by its size and sometimes traits, e.g. people listed at a health centre.',
    source: `${SOU} §5.2.2`,
  },
  {
    code: CompensationPrinciple.PER_PLACE,
    labelSv: 'Ersättning per plats',
    labelEn: 'Payment per place',
    definitionSv: 'Fast ersättning per plats, t.ex. i särskilt boende; beror på kapaciteten men inte på beläggning eller resultat.',
    definitionEn: 'A fixed payment per place, e.g. in residential care; depends on capacity but not on occupancy or results.',
    source: `${SOU} §5.2.3`,
  },
  {
    code: CompensationPrinciple.PER_GRANTED_SERVICE,
    labelSv: 'Ersättning för beviljad åtgärd/tid',
    labelEn: 'Payment per granted service or time',
    definitionSv: 'Ersättningen beror på mängden tjänster som beviljats genom myndighetsbeslut, inte på vad som faktiskt utförs.',
    definitionEn: 'Payment depends on the services granted by an authority decision, not on what is actually performed.',
    source: `${SOU} §5.2.4`,
  },
  {
    code: CompensationPrinciple.PER_PERFORMED_SERVICE,
    labelSv: 'Ersättning per utförd åtgärd/tid',
    labelEn: 'Payment per performed service or time',
    definitionSv: 'Rörlig ersättning som varierar med den volym vård och omsorg som utföraren producerar, t.ex. besök eller hemtjänsttimmar.',
    definitionEn: 'A variable payment that follows the volume of care produced, e.g. visits or home-care hours.',
    source: `${SOU} §5.2.5`,
  },
  {
    code: CompensationPrinciple.PER_PRODUCT_GROUP,
    labelSv: 'Ersättning per produktgrupp',
    labelEn: 'Payment per product group',
    definitionSv: 'Prospektiv och rörlig ersättning med i förväg fastställt pris per insats, t.ex. DRG eller vårdepisodsersättning.',
    definitionEn: 'A prospective, variable payment with a price per service set in advance, e.g. DRG or episode-of-care payment.',
    source: `${SOU} §5.2.6`,
  },
  {
    code: CompensationPrinciple.GOAL_BASED,
    labelSv: 'Målbaserad ersättning',
    labelEn: 'Goal-based payment',
    definitionSv: 'Ersättning som premierar uppnådda resultat eller drar in ersättning vid bristande resultat; alltid ett komplement.',
    definitionEn: 'Payment that rewards achieved results, or withholds money when results fall short; always a complement.',
    source: `${SOU} §5.2.7`,
  },
];

/** A GraphQL enum of the framework, each value described by its Swedish and English label and its source. */
function registerTerms<C extends string>(enumRef: object, terms: CatalogueTerm<C>[], name: string, description: string): void {
  const valuesMap = Object.fromEntries(terms.map((t) => [t.code, { description: `${t.labelSv} (${t.labelEn}). ${t.source}.` }]));
  registerEnumType(enumRef, { name, description, valuesMap });
}

registerTerms(GovernanceForm, GOVERNANCE_FORMS, 'GovernanceForm', 'Styrform (SOU 2017:56 §2.2.2).');
registerTerms(GovernancePhase, PHASES, 'GovernancePhase', 'Tidsdimension (SOU 2017:56 §2.2.2).');
registerTerms(TrustRelation, TRUST_RELATIONS, 'TrustRelation', 'Relation för tillit (SOU 2017:56 §2.2.4).');
registerTerms(TrustMethod, METHODS, 'TrustMethod', 'Metod för tillitsbaserad styrning (SOU 2017:56 §2.2.3).');
registerTerms(Trustworthiness, TRUSTWORTHINESS, 'Trustworthiness', 'Förmåga, integritet, välvilja (SOU 2017:56 §2.2.1).');
registerTerms(SteeringOrientation, ORIENTATIONS, 'SteeringOrientation', 'Kontrollerande eller möjliggörande styrning (SOU 2017:56 kap. 3).');
registerTerms(CompensationPrinciple, COMPENSATION_PRINCIPLES, 'CompensationPrinciple', 'Ersättningsprincip (SOU 2017:56 §5.2).');
