import { registerEnumType } from '@nestjs/graphql';
import {
  CompensationPrinciple,
  ContextualCondition,
  ControlSystem,
  EffectVariable,
  GovernanceForm,
  GovernancePhase,
  MethodPolarity,
  SteeringEffectDirection,
  SteeringOrientation,
  TrustDefinitionPart,
  TrustMethod,
  TrustRelation,
  Trustworthiness,
} from './framework.enums';
import { CodedOrientation, TrustEffect } from '../observation/observation.enums';

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
  /** True for the project's own additions, which are not terms of the source (e.g. the effect on trust). */
  ownAddition?: boolean;
}

const SOU = 'SOU 2017:56';
/** A term quoted from mid-sentence, as a label. */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
    definitionSv: 'Styrning i förväg, innan verksamheten genomförs (input). Vår tolkning: figur 2.1 saknas i källan.',
    definitionEn: 'Steering in advance, before the operation is carried out (input). Our interpretation: figure 2.1 is missing from the source.',
    source: `${SOU} §2.2.2, figur 2.1`,
  },
  {
    code: GovernancePhase.DURING_IMPLEMENTATION,
    labelSv: 'Insatser under pågående implementering',
    labelEn: 'Measures during implementation',
    definitionSv: 'Styrning medan verksamheten pågår. Vår tolkning: figur 2.1 saknas i källan.',
    definitionEn: 'Steering while the operation is under way. Our interpretation: figure 2.1 is missing from the source.',
    source: `${SOU} §2.2.2, figur 2.1`,
  },
  {
    code: GovernancePhase.REACTIVE,
    labelSv: 'Reaktiva insatser',
    labelEn: 'Reactive measures',
    definitionSv: 'Styrning i efterhand, till exempel tillsyn. Vår tolkning: figur 2.1 saknas i källan.',
    definitionEn: 'Steering after the fact, for example supervision (tillsyn). Our interpretation: figure 2.1 is missing from the source.',
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

// §2.2.1 (4), lines 1483–1513 (benevolence: 1511–1513).
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
    definitionSv: 'Viljan att hjälpa eller stödja den som visar tillit, även när egna intressen måste åsidosättas och utan belöning.',
    definitionEn: 'The will to help or support the trusting party, even when one’s own interests must be set aside, and without reward.',
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

// §2.2.1, lines 1399–1408: "Tillitsbaserad styrning är en styrning 1. … 4. …".
export const DEFINITION_PARTS: CatalogueTerm<TrustDefinitionPart>[] = [
  {
    code: TrustDefinitionPart.PURPOSE_AND_USER_NEEDS,
    labelSv: 'Med fokus på verksamhetens syfte och brukarens behov',
    labelEn: 'Focused on the purpose of the operation and the user’s needs',
    definitionSv: 'Styrningen utgår från vad verksamheten är till för och vad brukaren behöver, och varje beslutsnivå verkar aktivt för det.',
    definitionEn: 'Steering starts from what the operation is for and what the user needs, with every decision level working actively for it.',
    source: `${SOU} §2.2.1 (1)`,
  },
  {
    code: TrustDefinitionPart.COLLABORATION_AND_WHOLE_VIEW,
    labelSv: 'Stimulera samverkan och helhetsperspektiv',
    labelEn: 'Stimulating collaboration and a view of the whole',
    definitionSv: 'Varje beslutsnivå verkar för samverkan över gränser och för att helheten för brukaren hålls samman.',
    definitionEn: 'Every decision level works for collaboration across boundaries and for keeping the whole together for the user.',
    source: `${SOU} §2.2.1 (2)`,
  },
  {
    code: TrustDefinitionPart.TRUSTFUL_RELATIONS,
    labelSv: 'Bygga tillitsfulla relationer',
    labelEn: 'Building trustful relations',
    definitionSv: 'Varje beslutsnivå verkar för relationer präglade av tillit, mellan nivåer och mellan verksamheter.',
    definitionEn: 'Every decision level works for relations marked by trust, between levels and between operations.',
    source: `${SOU} §2.2.1 (3)`,
  },
  {
    code: TrustDefinitionPart.ABILITY_INTEGRITY_BENEVOLENCE,
    labelSv: 'Säkerställa förmåga, integritet och välvilja',
    labelEn: 'Ensuring ability, integrity and benevolence',
    definitionSv: 'Varje beslutsnivå säkerställer de egenskaper som gör en part värd tillit: förmåga, integritet och välvilja.',
    definitionEn: 'Every decision level makes sure of the traits that make a party worth trusting: ability, integrity and benevolence.',
    source: `${SOU} §2.2.1 (4)`,
  },
];

// Kap. 3, lines 1962–1971 (after Simons 1995).
export const CONTROL_SYSTEMS: CatalogueTerm<ControlSystem>[] = [
  {
    code: ControlSystem.DIAGNOSTIC,
    labelSv: 'Diagnostiksystem',
    labelEn: 'Diagnostic control system',
    definitionSv: 'Kontrollerande: styr och följer upp mot fastställda mål; individer förväntas agera efter beslut som fattas utan deras inblandning.',
    definitionEn: 'Controlling: steers and follows up against set goals; people are expected to act on decisions made without them.',
    source: `${SOU} kap. 3`,
  },
  {
    code: ControlSystem.BOUNDARY,
    labelSv: 'System för begränsningar',
    labelEn: 'Boundary system',
    definitionSv: 'Kontrollerande: sätter gränser för vad som inte får göras, med beslut som fattas utan de styrdas inblandning.',
    definitionEn: 'Controlling: sets limits on what may not be done, by decisions made without those steered.',
    source: `${SOU} kap. 3`,
  },
  {
    code: ControlSystem.BELIEFS,
    labelSv: 'System för värdegrund',
    labelEn: 'Beliefs system',
    definitionSv: 'Möjliggörande: förmedlar värderingar och syfte så att individer kan vara delaktiga i beslut och processer.',
    definitionEn: 'Enabling: conveys values and purpose so that people can take part in decisions and processes.',
    source: `${SOU} kap. 3`,
  },
  {
    code: ControlSystem.INTERACTIVE,
    labelSv: 'Interaktivt kontrollsystem',
    labelEn: 'Interactive control system',
    definitionSv: 'Möjliggörande: uppföljning i dialog, där ledning och medarbetare tillsammans tolkar och lär av det som följs upp.',
    definitionEn: 'Enabling: follow-up in dialogue, where management and staff interpret and learn from what is followed up together.',
    source: `${SOU} kap. 3`,
  },
];

// Kap. 3, lines 2266–2269.
export const EFFECT_VARIABLES: CatalogueTerm<EffectVariable>[] = [
  [
    'COMPLIANCE_WITH_INTENTIONS',
    'efterlevnad av de styrandes intentioner',
    'Compliance with the steering’s intentions',
    'Hur väl de styrdas agerande följer det de styrande avser.',
    'How far the actions of those steered follow what those who steer intend.',
  ],
  [
    'COST_CONTROL',
    'kostnadskontroll',
    'Cost control',
    'Hur väl styrningen håller kostnaderna inom de ramar som är satta.',
    'How well the steering keeps costs within the limits set.',
  ],
  [
    'INCENTIVES_PRODUCTION_QUALITY',
    'incitament till produktion och kvalitet',
    'Incentives for production and quality',
    'Vilka drivkrafter styrningen ger att producera och att hålla kvalitet.',
    'What drives the steering gives to produce, and to keep up quality.',
  ],
  [
    'STAFF_DISCRETION',
    'medarbetarnas handlingsutrymme',
    'Staff discretion',
    'Hur stort utrymme medarbetarna har att själva avgöra hur arbetet utförs.',
    'How much room staff have to decide for themselves how the work is done.',
  ],
  [
    'ADMINISTRATIVE_BURDEN',
    'administrativ börda',
    'Administrative burden',
    'Den tid och möda som styrningen kräver i dokumentation, registrering och rapportering.',
    'The time and effort the steering demands in documenting, recording and reporting.',
  ],
  [
    'INNOVATION_DEVELOPMENT',
    'innovation och verksamhetsutveckling',
    'Innovation and development',
    'Hur styrningen främjar eller hämmar nya lösningar och utveckling av verksamheten.',
    'How the steering furthers or holds back new solutions and development of the operation.',
  ],
  [
    'COLLABORATION',
    'samverkan',
    'Collaboration',
    'Hur styrningen främjar eller hämmar samverkan mellan verksamheter och huvudmän.',
    'How the steering furthers or holds back collaboration between operations and principals.',
  ],
].map(([code, labelSv, labelEn, definitionSv, definitionEn]) => ({
  code: code as EffectVariable,
  labelSv: capitalised(labelSv),
  labelEn,
  definitionSv,
  definitionEn,
  source: `${SOU} kap. 3`,
}));

// §2.2.2, lines 1536–1544: conditions outside the principal's and organisation's immediate control.
export const CONTEXTUAL_CONDITIONS: CatalogueTerm<ContextualCondition>[] = [
  ['SOCIETAL_ATTITUDES', 'attityder i det omgivande samhället', 'Attitudes in the surrounding society'],
  ['NATIONAL_AGENCY_STRUCTURE', 'den nationella myndighetsstrukturen', 'The national structure of agencies'],
  ['SURROUNDING_ORGANISATIONS_PRACTICES', 'arbetssätt i omgivande organisationer', 'Ways of working in surrounding organisations'],
  ['INTEREST_ORGANISATIONS', 'allmänt agerande från intresseorganisationer', 'What interest organisations generally do'],
].map(([code, labelSv, labelEn]) => ({
  code: code as ContextualCondition,
  labelSv: capitalised(labelSv),
  labelEn,
  definitionSv:
    'En kontextuell förutsättning utanför den formella styrningen: svår att förändra, men en restriktion eller en möjliggörande faktor för styrningen.',
  definitionEn: 'A contextual condition outside formal steering: hard to change, but a restriction on steering or a factor that enables it.',
  source: `${SOU} §2.2.2`,
}));

/** The project's own coding categories, marked as such (ownAddition): the effect on trust a researcher judges, and "mixed" orientation. */
export const OWN_ADDITION = 'Tillit Tracker (egen kodningskategori)';
const own = <C extends string>(code: C, labelSv: string, labelEn: string, definitionSv: string, definitionEn: string): CatalogueTerm<C> => ({
  code,
  labelSv,
  labelEn,
  definitionSv,
  definitionEn,
  source: OWN_ADDITION,
  ownAddition: true,
});

export const EFFECTS_ON_TRUST: CatalogueTerm<TrustEffect>[] = [
  own(
    TrustEffect.STRENGTHENS,
    'Stärker tilliten',
    'Strengthens trust',
    'Det observerade stärkte tilliten i relationen.',
    'What was observed strengthened trust in the relation.',
  ),
  own(
    TrustEffect.WEAKENS,
    'Försvagar tilliten',
    'Weakens trust',
    'Det observerade försvagade tilliten i relationen.',
    'What was observed weakened trust in the relation.',
  ),
  own(
    TrustEffect.NEUTRAL,
    'Ingen påverkan på tilliten',
    'No effect on trust',
    'Det observerade påverkade inte tilliten.',
    'What was observed did not affect trust.',
  ),
  own(
    TrustEffect.UNCLEAR,
    'Oklar påverkan på tilliten',
    'Unclear effect on trust',
    'Det går inte att avgöra hur tilliten påverkades.',
    'It cannot be told how trust was affected.',
  ),
];

export const CODED_ORIENTATIONS: CatalogueTerm<CodedOrientation>[] = [
  ...ORIENTATIONS.map((t) => ({ ...t, code: t.code as unknown as CodedOrientation })),
  own(
    CodedOrientation.MIXED,
    'Blandad styrning',
    'Mixed steering',
    'Det observerade rymmer både kontrollerande och möjliggörande styrning.',
    'What was observed holds both controlling and enabling steering.',
  ),
];

/** What a passage shows of a method: the project's own category (SOU 2017:56 names the methods, not their reversal). */
export const METHOD_POLARITIES: CatalogueTerm<MethodPolarity>[] = [
  own(
    MethodPolarity.INTRODUCED_OR_STRENGTHENED,
    'Införs eller förstärks',
    'Introduced or strengthened',
    'Passagen visar att metoden infördes eller fick större genomslag, t.ex. att detaljstyrningen minskade.',
    'The passage shows the method being introduced or gaining ground, e.g. detail steering being reduced.',
  ),
  own(
    MethodPolarity.WEAKENED_OR_REVERSED,
    'Försvagas eller går bakåt',
    'Weakened or reversed',
    'Passagen visar motsatsen till metoden eller att den försvagades, t.ex. mer detaljstyrning (som minutjakten).',
    'The passage shows the opposite of the method or its weakening, e.g. more detail steering (such as minute-by-minute time keeping).',
  ),
  own(
    MethodPolarity.DISCUSSED_WITHOUT_CHANGE,
    'Diskuteras utan förändring',
    'Discussed without change',
    'Metoden diskuteras eller efterfrågas men passagen visar ingen förändring. Äldre kodningar utan riktning har detta värde.',
    'The method is discussed or asked for, but the passage shows no change. Older codings without a polarity have this value.',
  ),
];

/** A GraphQL enum of the framework, each value described by its Swedish and English label and its source. */
function registerTerms<C extends string>(enumRef: object, terms: CatalogueTerm<C>[], name: string, description: string): void {
  const valuesMap = Object.fromEntries(
    terms.map((t) => [t.code, { description: `${t.labelSv} (${t.labelEn}). ${t.source}${t.ownAddition ? '; not a term of SOU 2017:56' : ''}.` }]),
  );
  registerEnumType(enumRef, { name, description, valuesMap });
}

registerTerms(GovernanceForm, GOVERNANCE_FORMS, 'GovernanceForm', 'Styrform (SOU 2017:56 §2.2.2).');
registerTerms(GovernancePhase, PHASES, 'GovernancePhase', 'Tidsdimension (SOU 2017:56 §2.2.2).');
registerTerms(TrustRelation, TRUST_RELATIONS, 'TrustRelation', 'Relation för tillit (SOU 2017:56 §2.2.4).');
registerTerms(TrustMethod, METHODS, 'TrustMethod', 'Metod för tillitsbaserad styrning (SOU 2017:56 §2.2.3).');
registerTerms(MethodPolarity, METHOD_POLARITIES, 'MethodPolarity', 'Vad en passage visar av en metod (egen kodningskategori).');
registerTerms(Trustworthiness, TRUSTWORTHINESS, 'Trustworthiness', 'Förmåga, integritet, välvilja (SOU 2017:56 §2.2.1).');
registerTerms(SteeringOrientation, ORIENTATIONS, 'SteeringOrientation', 'Kontrollerande eller möjliggörande styrning (SOU 2017:56 kap. 3).');
registerTerms(CompensationPrinciple, COMPENSATION_PRINCIPLES, 'CompensationPrinciple', 'Ersättningsprincip (SOU 2017:56 §5.2).');
registerTerms(TrustDefinitionPart, DEFINITION_PARTS, 'TrustDefinitionPart', 'Del av definitionen av tillitsbaserad styrning (SOU 2017:56 §2.2.1).');
registerTerms(ControlSystem, CONTROL_SYSTEMS, 'ControlSystem', 'Simons styrsystem: två kontrollerande, två möjliggörande (SOU 2017:56 kap. 3).');
registerTerms(EffectVariable, EFFECT_VARIABLES, 'EffectVariable', 'Styrningens effektvariabler (SOU 2017:56 kap. 3).');
registerTerms(
  ContextualCondition,
  CONTEXTUAL_CONDITIONS,
  'ContextualCondition',
  'Kontextuell förutsättning utanför den formella styrningen (SOU 2017:56 §2.2.2).',
);
registerEnumType(SteeringEffectDirection, {
  name: 'SteeringEffectDirection',
  description: 'Which way an effect variable of steering went in what was observed.',
  valuesMap: {
    STRENGTHENS: { description: 'Stärks / strengthened (e.g. more staff discretion, more cost control).' },
    WEAKENS: { description: 'Försvagas / weakened.' },
    MIXED: { description: 'Blandat / both, in different respects or for different people.' },
  },
});
