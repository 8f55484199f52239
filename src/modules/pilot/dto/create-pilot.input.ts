import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { GovernanceForm, TrustMethod, TrustRelation } from '../../framework/framework.enums';
import { PilotSector, PilotStatus, PilotTheme } from '../pilot.enums';
import { PilotParticipantInput } from './pilot-participant.input';
import { PilotResearcherInput } from './pilot-researcher.input';
import { ClientIdField } from '../../client-request/retryable.input';

/** No property initializers: GraphQL `defaultValue`s fill them, and UpdatePilotInput must not inherit them. */
@InputType({ description: 'A new pilot project, with its participants and researchers (admins).' })
export class CreatePilotInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Unique; capitals, digits and hyphens, e.g. TD-2017-03.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, { message: 'code must be 1–40 capitals, digits or hyphens, e.g. TD-2017-03' })
  code: string;

  @Field({ description: 'The pilot’s name, e.g. Tillitsbaserad hemtjänst.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field({ defaultValue: '', description: 'What the pilot does and why (Markdown).' })
  @IsString()
  @MaxLength(20_000)
  description: string;

  @Field(() => [PilotSector], { defaultValue: [], description: 'The welfare sectors it works in.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(PilotSector, { each: true })
  sectors: PilotSector[];

  @Field(() => [PilotTheme], { defaultValue: [], description: 'Its themes: leadership, supervision, follow-up, innovation, cooperation, compensation models.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(PilotTheme, { each: true })
  themes: PilotTheme[];

  @Field(() => PilotStatus, { defaultValue: PilotStatus.PLANNED, description: 'Where it stands: planned, active, completed or discontinued.' })
  @IsEnum(PilotStatus)
  status: PilotStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it was announced (the delegation announced its first twelve pilots on 2017-02-17).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  announcedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Its first day; researchers may log observations from then.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Not before startsOn.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string | null;

  @Field(() => [GovernanceForm], { defaultValue: [], description: 'Governance forms the pilot targets.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(GovernanceForm, { each: true })
  targetForms: GovernanceForm[];

  @Field(() => [TrustRelation], { defaultValue: [], description: 'Trust relations the pilot targets.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustRelation, { each: true })
  targetRelations: TrustRelation[];

  @Field(() => [TrustMethod], { defaultValue: [], description: 'Trust-based methods the pilot targets.' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustMethod, { each: true })
  targetMethods: TrustMethod[];

  @Field(() => [PilotParticipantInput], { defaultValue: [], description: 'Created with the pilot, in one transaction.' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PilotParticipantInput)
  participants: PilotParticipantInput[];

  @Field(() => [PilotResearcherInput], { defaultValue: [], description: 'Researchers who follow it, created with the pilot.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PilotResearcherInput)
  researchers: PilotResearcherInput[];
}
