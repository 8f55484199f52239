import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Check, Column, ValueTransformer } from 'typeorm';
import {
  ContextualCondition,
  ControlSystem,
  EFFECT_VARIABLE_CODES,
  METHOD_CODES,
  MethodPolarity,
  EffectVariable,
  GovernanceForm,
  GovernancePhase,
  SteeringEffectDirection,
  TrustDefinitionPart,
  TrustMethod,
  TrustRelation,
  Trustworthiness,
} from '../framework/framework.enums';
import { CodedOrientation, TrustEffect } from './observation.enums';

@ObjectType('EffectVariableCode', { description: 'An effect variable of steering and which way it went.' })
@InputType('EffectVariableCodeInput', { description: 'An effect variable of steering and which way it went.' })
export class EffectVariableCode {
  @Field(() => EffectVariable, { description: 'The effect variable (SOU 2017:56 kap. 3, S:2266–2269).' })
  @IsEnum(EffectVariable)
  variable: EffectVariable;

  @Field(() => SteeringEffectDirection, { description: 'Which way it went.' })
  @IsEnum(SteeringEffectDirection)
  direction: SteeringEffectDirection;
}

@ObjectType('MethodCode', { description: 'A trust-based method and what the passage shows of it.' })
@InputType('MethodCodeInput', { description: 'A trust-based method and what the passage shows of it.' })
export class MethodCode {
  @Field(() => TrustMethod, { description: 'The method (SOU 2017:56 §2.2.3).' })
  @IsEnum(TrustMethod)
  method: TrustMethod;

  @Field(() => MethodPolarity, { description: 'Introduced or strengthened, weakened or reversed, or discussed without change.' })
  @IsEnum(MethodPolarity)
  polarity: MethodPolarity;
}

/**
 * Codes that pair a term with a qualifier (a method and its polarity, an effect variable and its
 * direction) are stored as text[] of "TERM:QUALIFIER", kept to the known pairs by a check: not an
 * enum, because "TERM:QUALIFIER" is no valid GraphQL or identifier name and tools that read the
 * schema (PostGraphile) refuse such enums. Stored this way they are counted and indexed like any code.
 */
const pairCheck = (table: string, column: string, codes: string[]) =>
  Check(`chk_${table}_${column}`, `"${column}" <@ ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`);

/** The checks that keep a table's paired codes to the known pairs (on observation and coded_segment). */
export const pairCodeChecks =
  (table: string): ClassDecorator =>
  (target) => {
    pairCheck(table, 'effect_variables', EFFECT_VARIABLE_CODES)(target);
    pairCheck(table, 'methods', METHOD_CODES)(target);
  };

/** The pairs as stored ("TERM:QUALIFIER") and back, for objects with the two keys given. */
function pairColumn<K1 extends string, K2 extends string>(term: K1, qualifier: K2): ValueTransformer {
  return {
    to: (v: Record<K1 | K2, string>[] | undefined) => v?.map((c) => `${c[term]}:${c[qualifier]}`),
    from: (v: string[] | null) =>
      (v ?? []).map((code) => {
        const [t, q] = code.split(':');
        return { [term]: t, [qualifier]: q };
      }),
  };
}

/**
 * Coding with the framework of SOU 2017:56, shared by observations and coded segments: an
 * embedded set of columns (no prefix) and the GraphQL type `FrameworkCodes`.
 */
@ObjectType('FrameworkCodes', { description: 'Codes from the framework of SOU 2017:56 §2.2 (framework lists them with labels and definitions).' })
export class FrameworkCodes {
  @Field(() => [GovernanceForm], { description: 'Governance forms (styrformer).' })
  @Column({ type: 'enum', enum: GovernanceForm, enumName: 'governance_form', array: true })
  forms: GovernanceForm[];

  @Field(() => GovernancePhase, { nullable: true, description: 'The time dimension: proactive, during implementation or reactive.' })
  @Column({ type: 'enum', enum: GovernancePhase, enumName: 'governance_phase', nullable: true })
  phase: GovernancePhase | null;

  @Field(() => [TrustRelation], { description: 'Trust relations.' })
  @Column({ type: 'enum', enum: TrustRelation, enumName: 'trust_relation', array: true })
  relations: TrustRelation[];

  @Field(() => [MethodCode], { description: 'Trust-based methods, each with what the passage shows of it (polarity).' })
  @Column({ type: 'text', array: true, default: '{}', transformer: pairColumn('method', 'polarity') })
  methods: MethodCode[];

  @Field(() => [Trustworthiness], { description: 'Ability, integrity, benevolence.' })
  @Column({ type: 'enum', enum: Trustworthiness, enumName: 'trustworthiness', array: true })
  trustworthiness: Trustworthiness[];

  @Field(() => CodedOrientation, { nullable: true, description: 'Controlling or enabling steering (or mixed).' })
  @Column({ type: 'enum', enum: CodedOrientation, enumName: 'coded_orientation', nullable: true })
  orientation: CodedOrientation | null;

  @Field(() => TrustEffect, { nullable: true, description: 'What it did to trust, as the researcher judges it.' })
  @Column({ type: 'enum', enum: TrustEffect, enumName: 'trust_effect', nullable: true })
  effectOnTrust: TrustEffect | null;

  @Field(() => [TrustDefinitionPart], { description: 'Parts of the definition of trust-based steering it shows (§2.2.1).' })
  @Column({ type: 'enum', enum: TrustDefinitionPart, enumName: 'trust_definition_part', array: true, default: '{}' })
  definitionParts: TrustDefinitionPart[];

  @Field(() => [ControlSystem], { description: 'Simons’ control systems at work (kap. 3).' })
  @Column({ type: 'enum', enum: ControlSystem, enumName: 'control_system', array: true, default: '{}' })
  controlSystems: ControlSystem[];

  @Field(() => [EffectVariableCode], { description: 'Effect variables of steering and which way each went (kap. 3).' })
  @Column({ type: 'text', array: true, default: '{}', transformer: pairColumn('variable', 'direction') })
  effectVariables: EffectVariableCode[];

  @Field(() => [ContextualCondition], { description: 'Contextual conditions outside formal steering that bore on it (§2.2.2).' })
  @Column({ type: 'enum', enum: ContextualCondition, enumName: 'contextual_condition', array: true, default: '{}' })
  contextualConditions: ContextualCondition[];

  @Field(() => [ID], { description: 'Researchers’ own codes, by id (ownCodes has them with their names; ids of codes you may not see included).' })
  // Ids, not foreign keys: own codes are never deleted, and OwnCodeService.assertUsable checks each on write.
  @Column({ type: 'uuid', array: true, default: '{}' })
  ownCodeIds: string[];
}

@InputType({ description: 'Framework codes to set (lists may be empty).' })
export class FrameworkCodesInput {
  @Field(() => [GovernanceForm], { defaultValue: [], description: 'Governance forms (styrformer).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(GovernanceForm, { each: true })
  forms: GovernanceForm[] = [];

  @Field(() => GovernancePhase, { nullable: true, description: 'The time dimension: proactive, during implementation or reactive.' })
  @IsOptional()
  @IsEnum(GovernancePhase)
  phase?: GovernancePhase | null;

  @Field(() => [TrustRelation], { defaultValue: [], description: 'Trust relations.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustRelation, { each: true })
  relations: TrustRelation[] = [];

  @Field(() => [MethodCode], { defaultValue: [], description: 'Trust-based methods, each with what the passage shows of it; each method at most once.' })
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique((c: MethodCode) => c?.method, { message: 'codes.methods must name each method at most once' })
  @ValidateNested({ each: true })
  @Type(() => MethodCode)
  methods: MethodCode[] = [];

  @Field(() => [Trustworthiness], { defaultValue: [], description: 'Ability, integrity, benevolence.' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(3)
  @IsEnum(Trustworthiness, { each: true })
  trustworthiness: Trustworthiness[] = [];

  @Field(() => CodedOrientation, { nullable: true, description: 'Controlling or enabling steering (or mixed).' })
  @IsOptional()
  @IsEnum(CodedOrientation)
  orientation?: CodedOrientation | null;

  @Field(() => TrustEffect, { nullable: true, description: 'What it did to trust, as the researcher judges it.' })
  @IsOptional()
  @IsEnum(TrustEffect)
  effectOnTrust?: TrustEffect | null;

  @Field(() => [TrustDefinitionPart], { defaultValue: [], description: 'Parts of the definition of trust-based steering it shows (§2.2.1).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustDefinitionPart, { each: true })
  definitionParts?: TrustDefinitionPart[] = [];

  @Field(() => [ControlSystem], { defaultValue: [], description: 'Simons’ control systems at work (kap. 3).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(ControlSystem, { each: true })
  controlSystems?: ControlSystem[] = [];

  @Field(() => [EffectVariableCode], { defaultValue: [], description: 'Effect variables and which way each went; each variable at most once.' })
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique((c: EffectVariableCode) => c?.variable, { message: 'codes.effectVariables must name each effect variable at most once' })
  @ValidateNested({ each: true })
  @Type(() => EffectVariableCode)
  effectVariables?: EffectVariableCode[] = [];

  @Field(() => [ContextualCondition], { defaultValue: [], description: 'Contextual conditions outside formal steering that bore on it (§2.2.2).' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(ContextualCondition, { each: true })
  contextualConditions?: ContextualCondition[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Researchers’ own codes (live, shared or of the observation’s pilot).' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ownCodeIds?: string[] = [];
}

/** Input → the embedded columns (nulls for what was left out). */
export const toCodes = (input: FrameworkCodesInput | undefined): FrameworkCodes => ({
  forms: input?.forms ?? [],
  phase: input?.phase ?? null,
  relations: input?.relations ?? [],
  methods: input?.methods ?? [],
  trustworthiness: input?.trustworthiness ?? [],
  orientation: input?.orientation ?? null,
  effectOnTrust: input?.effectOnTrust ?? null,
  definitionParts: input?.definitionParts ?? [],
  controlSystems: input?.controlSystems ?? [],
  effectVariables: input?.effectVariables ?? [],
  contextualConditions: input?.contextualConditions ?? [],
  ownCodeIds: input?.ownCodeIds ?? [],
});
