import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayUnique, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CodeCountFilter, CodeDimension } from './codes.input';

@InputType({ description: 'Two researchers whose coded segments to compare, on the observations both of them coded.' })
export class CodingComparisonInput {
  @Field(() => ID, { description: 'The first researcher (A).' })
  @IsUUID('all')
  researcherA: string;

  @Field(() => ID, { description: 'The second researcher (B), not A.' })
  @IsUUID('all')
  researcherB: string;

  @Field(() => [CodeDimension], { nullable: true, description: 'Default: every dimension.' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(CodeDimension, { each: true })
  dimensions?: CodeDimension[];

  @Field(() => CodeCountFilter, { nullable: true, description: 'Which observations to compare on (as for codeFrequencies).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CodeCountFilter)
  filter?: CodeCountFilter;
}

@ArgsType()
export class CodingComparisonArgs {
  @Field(() => CodingComparisonInput) @ValidateNested() @Type(() => CodingComparisonInput) input: CodingComparisonInput;
}

@ObjectType({ description: 'How far two researchers agree on one code, counted in code points (characters) of the observations’ text.' })
export class CodeAgreement {
  @Field(() => ID, { nullable: true, description: 'The observation; null in `byCode`, which pools every compared observation.' })
  observationId: string | null;
  @Field(() => CodeDimension, { description: 'The code’s dimension.' }) dimension: CodeDimension;
  @Field({ description: 'The code, as codeFrequencies names it.' }) code: string;
  @Field(() => Int, { description: 'Code points compared: the whole text of the observation(s).' }) codePoints: number;
  @Field(() => Int, { description: 'Code points A coded with it.' }) codedByA: number;
  @Field(() => Int, { description: 'Code points B coded with it.' }) codedByB: number;
  @Field(() => Int, { description: 'Code points both coded with it.' }) codedByBoth: number;
  @Field(() => Float, { description: 'Percentage agreement: code points both coded or both left uncoded, of all (0–100).' })
  agreement: number;
  @Field(() => Float, { description: 'Cohen’s kappa: agreement corrected for chance (1 complete, 0 as by chance, below 0 worse).' })
  kappa: number;
}

@ObjectType({ description: 'Where two researchers coded the same observations differently (as NVivo’s coding comparison).' })
export class CodingComparison {
  @Field(() => Int, { description: 'Observations both researchers coded segments of (the ones compared).' }) observations: number;
  @Field(() => [CodeAgreement], { description: 'Per code, pooled over the compared observations (codes either researcher used).' })
  byCode: CodeAgreement[];
  @Field(() => [CodeAgreement], { description: 'Per observation and code, where either researcher used the code; the lowest kappa first.' })
  byObservation: CodeAgreement[];
}
