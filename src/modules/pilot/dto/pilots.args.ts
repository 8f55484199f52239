import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection';
import { PilotSector, PilotStatus, PilotTheme } from '../pilot.enums';

@InputType({ description: 'Which pilots to list (all conditions must hold).' })
export class PilotFilter {
  @Field(() => [PilotStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsEnum(PilotStatus, { each: true })
  status?: PilotStatus[];

  @Field(() => [PilotTheme], { nullable: true, description: 'Pilots with any of these themes.' })
  @IsOptional()
  @IsEnum(PilotTheme, { each: true })
  theme?: PilotTheme[];

  @Field(() => [PilotSector], { nullable: true, description: 'Pilots in any of these sectors.' })
  @IsOptional()
  @IsEnum(PilotSector, { each: true })
  sector?: PilotSector[];

  @Field(() => ID, { nullable: true, description: 'Pilots in which this organisation, or one of its units, takes part.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Pilots this researcher follows (or followed).' })
  @IsOptional()
  @IsUUID('all')
  researcherId?: string;

  @Field({ nullable: true, description: 'Case-insensitive substring of code, title or description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class PilotsArgs extends PageArgs {
  @Field(() => PilotFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PilotFilter)
  filter?: PilotFilter;
}
