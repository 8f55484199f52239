import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FrameworkCodesInput } from '../framework-codes';
import { ClientIdField } from '../../client-request/retryable.input';
import { ReasonField } from '../../../common/corrections/correction.input';

@InputType({ description: 'Codes a passage of an observation’s text, by code points.' })
export class AddCodedSegmentInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The observation.' })
  @IsUUID('all')
  observationId: string;

  @Field(() => Int, { nullable: true, description: 'First code point (0-based); with end, or leave both out and give the quote.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'End code point (exclusive), at most the text’s length.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  end?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The words coded, exactly as in the text. Alone, it places the segment (at its occurrence-th place); with start and end, it must be the text there (otherwise refused, naming what is there), and it confirms offsets that cut through a word.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  quote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Which occurrence of the quote, from 1 (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  occurrence?: number | null;

  @Field(() => FrameworkCodesInput, { nullable: true, description: 'The framework codes of the passage.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrameworkCodesInput)
  codes?: FrameworkCodesInput;

  @Field({ defaultValue: '', description: 'A note on the coding.' })
  @IsString()
  @MaxLength(20_000)
  memo: string = '';
}

@InputType({ description: 'Re-codes a segment, or moves it (which also clears `stale`).' })
export class UpdateCodedSegmentInput {
  @Field(() => ID, { description: 'The segment.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { nullable: true, description: 'New first code point (moves the segment).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number;

  @Field(() => Int, { nullable: true, description: 'New end code point (exclusive).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  end?: number;

  @Field(() => String, { nullable: true, description: 'The words at the new place (as in addCodedSegment): places the segment, or confirms the offsets.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  quote?: string;

  @Field(() => Int, { nullable: true, description: 'Which occurrence of the quote, from 1 (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  occurrence?: number;

  @Field(() => FrameworkCodesInput, { nullable: true, description: 'New codes (replace the old ones).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrameworkCodesInput)
  codes?: FrameworkCodesInput;

  @Field({ nullable: true, description: 'New note.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  memo?: string;

  @ReasonField()
  reason: string;
}
