import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional } from 'class-validator';
import { Column } from 'typeorm';
import { GovernanceForm, GovernancePhase, TrustMethod, TrustRelation, Trustworthiness } from '../framework/framework.enums';
import { CodedOrientation, TrustEffect } from './observation.enums';

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

  @Field(() => [TrustMethod], { description: 'Trust-based methods.' })
  @Column({ type: 'enum', enum: TrustMethod, enumName: 'trust_method', array: true })
  methods: TrustMethod[];

  @Field(() => [Trustworthiness], { description: 'Ability, integrity, benevolence.' })
  @Column({ type: 'enum', enum: Trustworthiness, enumName: 'trustworthiness', array: true })
  trustworthiness: Trustworthiness[];

  @Field(() => CodedOrientation, { nullable: true, description: 'Controlling or enabling steering (or mixed).' })
  @Column({ type: 'enum', enum: CodedOrientation, enumName: 'coded_orientation', nullable: true })
  orientation: CodedOrientation | null;

  @Field(() => TrustEffect, { nullable: true, description: 'What it did to trust, as the researcher judges it.' })
  @Column({ type: 'enum', enum: TrustEffect, enumName: 'trust_effect', nullable: true })
  effectOnTrust: TrustEffect | null;
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

  @Field(() => [TrustMethod], { defaultValue: [], description: 'Trust-based methods.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustMethod, { each: true })
  methods: TrustMethod[] = [];

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
});
