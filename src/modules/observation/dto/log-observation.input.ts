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

@InputType()
export class LogObservationInput {
  @Field(() => ID, { nullable: true, description: 'Your own UUID for this observation: sending the same request again returns the same observation.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @Field(() => ID)
  @IsUUID('all')
  pilotId: string;

  @Field(() => ID, { description: 'Where it was made: an organisation taking part in the pilot, or one of its units.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => SteeringLevel)
  @IsEnum(SteeringLevel)
  level: SteeringLevel;

  @Field(() => LocalDateResolver)
  @IsISO8601({ strict: true })
  occurredOn: string;

  @Field(() => LocalTimeResolver, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/)
  occurredTime?: string | null;

  @Field(() => ObservationKind)
  @IsEnum(ObservationKind)
  kind: ObservationKind;

  @Field(() => RespondentRole, { nullable: true })
  @IsOptional()
  @IsEnum(RespondentRole)
  respondentRole?: RespondentRole | null;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field({ description: 'Markdown, up to 100,000 characters; stored exactly as given.' })
  @IsString()
  text: string;

  @Field(() => FrameworkCodesInput, { nullable: true })
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
