import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection';
import { AuditEntity } from '../audit.enums';

@InputType({ description: 'Which audit entries to list (all conditions must hold).' })
export class AuditLogFilter {
  @Field(() => [AuditEntity], { nullable: true, description: 'Any of these kinds of record.' })
  @IsOptional()
  @IsEnum(AuditEntity, { each: true })
  entity?: AuditEntity[];

  @Field(() => ID, { nullable: true, description: 'The record the entries are about.' })
  @IsOptional()
  @IsUUID('all')
  entityId?: string;

  @Field(() => ID, { nullable: true, description: 'The user who made the changes.' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'From this time (inclusive).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before this time (exclusive).' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
}
