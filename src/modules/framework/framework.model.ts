import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CodedOrientation, TrustEffect } from '../observation/observation.enums';
import {
  CompensationPrinciple,
  ContextualCondition,
  ControlSystem,
  EffectVariable,
  GovernanceForm,
  GovernancePhase,
  MethodPolarity,
  SteeringOrientation,
  TrustDefinitionPart,
  TrustMethod,
  TrustRelation,
  Trustworthiness,
} from './framework.enums';

/** `<Name>Term`: one term of a framework dimension, typed by that dimension's enum. */
function Term(enumRef: object, name: string) {
  @ObjectType(`${name}Term`, { description: `One term of the framework’s ${name} dimension, with its labels, definitions and source.` })
  class TermType {
    @Field(() => enumRef, { description: 'The enum value that stands for this term everywhere in the API.' })
    code: string;
    @Field(() => Int, { description: 'Position in the source, from 1.' }) ordinal: number;
    @Field({ description: 'The Swedish label, the source’s own term.' }) labelSv: string;
    @Field({ description: 'The English label.' }) labelEn: string;
    @Field({ description: 'Short definition written from the source.' }) definitionSv: string;
    @Field({ description: 'The definition in English.' }) definitionEn: string;
    @Field({ description: 'Where the term is defined, e.g. "SOU 2017:56 §2.2.3 (iv)".' }) source: string;
    @Field({ description: 'True for the project’s own additions, which are not terms of SOU 2017:56.' }) ownAddition: boolean;
  }
  return TermType;
}

export const GovernanceFormTerm = Term(GovernanceForm, 'GovernanceForm');
export const GovernancePhaseTerm = Term(GovernancePhase, 'GovernancePhase');
export const TrustRelationTerm = Term(TrustRelation, 'TrustRelation');
export const TrustMethodTerm = Term(TrustMethod, 'TrustMethod');
export const TrustworthinessTerm = Term(Trustworthiness, 'Trustworthiness');
export const SteeringOrientationTerm = Term(SteeringOrientation, 'SteeringOrientation');
export const CompensationPrincipleTerm = Term(CompensationPrinciple, 'CompensationPrinciple');
export const TrustDefinitionPartTerm = Term(TrustDefinitionPart, 'TrustDefinitionPart');
export const ControlSystemTerm = Term(ControlSystem, 'ControlSystem');
export const EffectVariableTerm = Term(EffectVariable, 'EffectVariable');
export const ContextualConditionTerm = Term(ContextualCondition, 'ContextualCondition');
export const TrustEffectTerm = Term(TrustEffect, 'TrustEffect');
export const MethodPolarityTerm = Term(MethodPolarity, 'MethodPolarity');
export const CodedOrientationTerm = Term(CodedOrientation, 'CodedOrientation');
type TermOf = InstanceType<typeof GovernanceFormTerm>;

@ObjectType({ description: 'The trust-based steering framework of SOU 2017:56 (Tillitsdelegationen).' })
export class Framework {
  @Field(() => [GovernanceFormTerm], { description: 'The four governance forms (styrformer), §2.2.2.' }) governanceForms: TermOf[];
  @Field(() => [GovernancePhaseTerm], {
    description: 'The time dimension: proactive, during implementation, reactive (§2.2.2; our interpretation, as figure 2.1 is missing from the source).',
  })
  phases: TermOf[];
  @Field(() => [TrustRelationTerm], { description: 'The four trust relations, §2.2.4.' }) trustRelations: TermOf[];
  @Field(() => [TrustMethodTerm], { description: 'The seven trust-based methods, §2.2.3 (i)–(vii).' }) methods: TermOf[];
  @Field(() => [MethodPolarityTerm], {
    description: 'What a passage shows of a method: introduced or strengthened, weakened or reversed, discussed without change (the project’s own addition).',
  })
  methodPolarities: TermOf[];
  @Field(() => [TrustworthinessTerm], { description: 'Ability, integrity and benevolence, §2.2.1.' }) trustworthiness: TermOf[];
  @Field(() => [SteeringOrientationTerm], { description: 'Controlling and enabling steering (kap. 3).' }) orientations: TermOf[];
  @Field(() => [CompensationPrincipleTerm], { description: 'The compensation principles (ersättningsprinciper), §5.2.' }) compensationPrinciples: TermOf[];
  @Field(() => [TrustDefinitionPartTerm], { description: 'The four parts of the definition of trust-based steering, §2.2.1 (S:1399–1408).' })
  definitionParts: TermOf[];
  @Field(() => [ControlSystemTerm], {
    description: 'Simons’ four control systems: diagnostic and boundary (controlling), beliefs and interactive (enabling); kap. 3 (S:1962–1971).',
  })
  controlSystems: TermOf[];
  @Field(() => [EffectVariableTerm], { description: 'The seven effect variables of steering, kap. 3 (S:2266–2269); coded with a direction.' })
  effectVariables: TermOf[];
  @Field(() => [ContextualConditionTerm], { description: 'Contextual conditions outside formal steering, §2.2.2 (S:1536–1544).' })
  contextualConditions: TermOf[];
  @Field(() => [TrustEffectTerm], { description: 'The effect on trust a researcher judges: the project’s own addition (ownAddition).' })
  effectsOnTrust: TermOf[];
  @Field(() => [CodedOrientationTerm], { description: 'Orientations as coded: controlling and enabling (kap. 3), and mixed, the project’s own addition.' })
  codedOrientations: TermOf[];
}
