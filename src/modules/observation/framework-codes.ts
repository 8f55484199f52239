import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional } from 'class-validator';
import { Column } from 'typeorm';
import { GovernanceForm, GovernancePhase, TrustMethod, TrustRelation, Trustworthiness } from '../framework/framework.enums';
import { CodedOrientation, TrustEffect } from './observation.enums';

/**
 * Coding with the framework of SOU 2017:56, shared by observations and coded segments: an
 * embedded set of columns (no prefix) and the GraphQL type `FrameworkCodes`.
 */
@ObjectType('FrameworkCodes')
export class FrameworkCodes {
  @Field(() => [GovernanceForm])
  @Column({ type: 'enum', enum: GovernanceForm, enumName: 'governance_form', array: true })
  forms: GovernanceForm[];

  @Field(() => GovernancePhase, { nullable: true })
  @Column({ type: 'enum', enum: GovernancePhase, enumName: 'governance_phase', nullable: true })
  phase: GovernancePhase | null;

  @Field(() => [TrustRelation])
  @Column({ type: 'enum', enum: TrustRelation, enumName: 'trust_relation', array: true })
  relations: TrustRelation[];

  @Field(() => [TrustMethod])
  @Column({ type: 'enum', enum: TrustMethod, enumName: 'trust_method', array: true })
  methods: TrustMethod[];

  @Field(() => [Trustworthiness])
  @Column({ type: 'enum', enum: Trustworthiness, enumName: 'trustworthiness', array: true })
  trustworthiness: Trustworthiness[];

  @Field(() => CodedOrientation, { nullable: true })
  @Column({ type: 'enum', enum: CodedOrientation, enumName: 'coded_orientation', nullable: true })
  orientation: CodedOrientation | null;

  @Field(() => TrustEffect, { nullable: true })
  @Column({ type: 'enum', enum: TrustEffect, enumName: 'trust_effect', nullable: true })
  effectOnTrust: TrustEffect | null;
}

@InputType()
export class FrameworkCodesInput {
  @Field(() => [GovernanceForm], { defaultValue: [] })
  @IsArray() @ArrayUnique() @IsEnum(GovernanceForm, { each: true })
  forms: GovernanceForm[] = [];

  @Field(() => GovernancePhase, { nullable: true })
  @IsOptional() @IsEnum(GovernancePhase)
  phase?: GovernancePhase | null;

  @Field(() => [TrustRelation], { defaultValue: [] })
  @IsArray() @ArrayUnique() @IsEnum(TrustRelation, { each: true })
  relations: TrustRelation[] = [];

  @Field(() => [TrustMethod], { defaultValue: [] })
  @IsArray() @ArrayUnique() @IsEnum(TrustMethod, { each: true })
  methods: TrustMethod[] = [];

  @Field(() => [Trustworthiness], { defaultValue: [] })
  @IsArray() @ArrayUnique() @ArrayMaxSize(3) @IsEnum(Trustworthiness, { each: true })
  trustworthiness: Trustworthiness[] = [];

  @Field(() => CodedOrientation, { nullable: true })
  @IsOptional() @IsEnum(CodedOrientation)
  orientation?: CodedOrientation | null;

  @Field(() => TrustEffect, { nullable: true })
  @IsOptional() @IsEnum(TrustEffect)
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
