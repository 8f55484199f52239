import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  CompensationPrinciple,
  GovernanceForm,
  GovernancePhase,
  SteeringOrientation,
  TrustMethod,
  TrustRelation,
  Trustworthiness,
} from './framework.enums';

/** `<Name>Term`: one term of a framework dimension, typed by that dimension's enum. */
function Term(enumRef: object, name: string) {
  @ObjectType(`${name}Term`)
  class TermType {
    @Field(() => enumRef, { description: 'The enum value that stands for this term everywhere in the API.' })
    code: string;
    @Field(() => Int, { description: 'Position in the source, from 1.' }) ordinal: number;
    @Field() labelSv: string;
    @Field() labelEn: string;
    @Field({ description: 'Short definition written from the source.' }) definitionSv: string;
    @Field() definitionEn: string;
    @Field({ description: 'Where the term is defined, e.g. "SOU 2017:56 §2.2.3 (iv)".' }) source: string;
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
type TermOf = InstanceType<typeof GovernanceFormTerm>;

@ObjectType({ description: 'The trust-based steering framework of SOU 2017:56 (Tillitsdelegationen).' })
export class Framework {
  @Field(() => [GovernanceFormTerm]) governanceForms: TermOf[];
  @Field(() => [GovernancePhaseTerm]) phases: TermOf[];
  @Field(() => [TrustRelationTerm]) trustRelations: TermOf[];
  @Field(() => [TrustMethodTerm]) methods: TermOf[];
  @Field(() => [TrustworthinessTerm]) trustworthiness: TermOf[];
  @Field(() => [SteeringOrientationTerm]) orientations: TermOf[];
  @Field(() => [CompensationPrincipleTerm]) compensationPrinciples: TermOf[];
}
