import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver, LocalTimeResolver } from 'graphql-scalars';
import { SteeringLevel } from '../../pilot/pilot.enums';
import { FrameworkCodesInput } from '../framework-codes';
import { ObservationKind, RespondentRole } from '../observation.enums';

@InputType({ description: 'A new field observation in a pilot the researcher follows, on a date they follow it.' })
export class LogObservationInput {
  @Field(() => ID, { nullable: true, description: 'Your own UUID for this observation: sending the same request again returns the same observation.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @Field(() => ID, { description: 'The pilot it belongs to.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => ID, { description: 'Where it was made: an organisation taking part in the pilot, or one of its units.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => SteeringLevel, { description: 'Where in the steering chain it was made.' })
  @IsEnum(SteeringLevel)
  level: SteeringLevel;

  @Field(() => LocalDateResolver, { description: 'When it happened, within the pilot’s dates and the researcher’s.' })
  @IsISO8601({ strict: true })
  occurredOn: string;

  @Field(() => LocalTimeResolver, { nullable: true, description: 'Time of day, when it matters (HH:MM).' })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/)
  occurredTime?: string | null;

  @Field(() => ObservationKind, { description: 'Interview, meeting, document study, field visit and so on.' })
  @IsEnum(ObservationKind)
  kind: ObservationKind;

  @Field(() => RespondentRole, { nullable: true, description: 'Who spoke, for interviews and conversations.' })
  @IsOptional()
  @IsEnum(RespondentRole)
  respondentRole?: RespondentRole | null;

  @Field({ description: 'A short heading, at most 300 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field({ description: 'Markdown, up to 100,000 characters; stored exactly as given.' })
  @IsString()
  text: string;

  @Field(() => FrameworkCodesInput, { nullable: true, description: 'The framework codes of the whole observation (leave out: none yet).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrameworkCodesInput)
  codes?: FrameworkCodesInput;

  @Field(() => [String], { defaultValue: [], description: 'Free tags (case kept, duplicates removed).' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tags: string[];
}
