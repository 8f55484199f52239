import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ReasonField } from '../../../common/corrections/correction.input';
import { PageArgs } from '../../../common/pagination/connection';
import { ClientIdField } from '../../client-request/retryable.input';
import { ReportSectionKind, ReportStatus } from '../report.enums';

@InputType({
  description: 'Starts a new version of a pilot’s evaluation report: a copy of its final version (sections, findings, evidence, authors), or an empty one.',
})
export class StartEvaluationReportInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => String, { nullable: true, description: 'Its title (default: the final version’s, or “Utvärdering av <pilot>”).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;
}

/** Every change to a report version names it and the edit version read. */
@InputType({ isAbstract: true })
export class ReportEditInput {
  @Field(() => ID, { description: 'The report version.' })
  @IsUUID('all')
  reportId: string;

  @Field(() => Int, { description: 'The report’s edit version you read; if it has changed since, CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'Writes a section’s text.' })
export class WriteReportSectionInput extends ReportEditInput {
  @Field(() => ReportSectionKind, { description: 'Which section.' })
  @IsEnum(ReportSectionKind)
  section: ReportSectionKind;

  @Field({ description: 'Its text.' })
  @IsString()
  @MaxLength(100_000)
  body: string;
}

@InputType({ description: 'Renames a report version.' })
export class RenameEvaluationReportInput extends ReportEditInput {
  @Field({ description: 'The new title.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
}

@InputType({ description: 'Adds a finding to a section, at its end; at most one of idea, obstacle and effect says what it is about.' })
export class AddReportFindingInput extends ReportEditInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ReportSectionKind, { description: 'The section.' })
  @IsEnum(ReportSectionKind)
  section: ReportSectionKind;

  @Field({ description: 'The finding in one sentence.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1_000)
  statement: string;

  @Field({ defaultValue: '', description: 'The argument, in words.' })
  @IsString()
  @MaxLength(50_000)
  body: string;

  @Field(() => ID, { nullable: true, description: 'An idea-bank entry of the pilot it presents (good examples).' })
  @IsOptional()
  @IsUUID('all')
  ideaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An obstacle of the pilot it is about.' })
  @IsOptional()
  @IsUUID('all')
  obstacleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An assessed effect of the pilot it is about.' })
  @IsOptional()
  @IsUUID('all')
  effectId?: string | null;
}

/** Every change to a finding names it, the report's edit version read, and why. */
@InputType({ isAbstract: true })
export class FindingEditInput {
  @Field(() => ID, { description: 'The finding.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The report’s edit version you read.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ReasonField()
  reason: string;
}

@InputType({ description: 'Changes a finding (fields left out stay), with the report’s edit version and a reason.' })
export class UpdateReportFindingInput extends FindingEditInput {
  @Field(() => String, { nullable: true, description: 'The finding in one sentence.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1_000)
  statement?: string;

  @Field(() => String, { nullable: true, description: 'The argument, in words.' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  body?: string;

  @Field(() => Int, { nullable: true, description: 'Its new place in the section (1 = first); the others move along.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;
}

@InputType({ description: 'Takes a finding out of a report version, with the report’s edit version and a reason (it stays in the history).' })
export class WithdrawReportFindingInput extends FindingEditInput {}

@InputType({ description: 'Adds a co-author: a researcher following the pilot.' })
export class AddReportAuthorInput extends ReportEditInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The researcher.' })
  @IsUUID('all')
  userId: string;
}

@InputType({ description: 'Moves a report version on: draft → in review → final (or back from review to draft).' })
export class SetReportStatusInput extends ReportEditInput {
  @Field(() => ReportStatus, { description: 'The new status (IN_REVIEW, DRAFT or FINAL).' })
  @IsEnum(ReportStatus)
  status: ReportStatus;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

@InputType({ description: 'Which report versions to list.' })
export class EvaluationReportFilter {
  @Field(() => ID, { nullable: true, description: 'Of this pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => [ReportStatus], { nullable: true, description: 'In any of these statuses.' })
  @IsOptional()
  @IsEnum(ReportStatus, { each: true })
  status?: ReportStatus[];
}

@ArgsType()
export class EvaluationReportsArgs extends PageArgs {
  @Field(() => EvaluationReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvaluationReportFilter)
  filter?: EvaluationReportFilter;
}
