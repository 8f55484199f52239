import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection';
import { County, OrganisationKind } from '../organisation.enums';

@InputType({ description: 'Which organisations to list (all conditions must hold).' })
export class OrganisationFilter {
  @Field(() => [OrganisationKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @IsEnum(OrganisationKind, { each: true })
  kind?: OrganisationKind[];

  @Field(() => ID, { nullable: true, description: 'Direct children of this organisation.' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @Field({ nullable: true, description: 'Only organisations without a parent.' })
  @IsOptional()
  @IsBoolean()
  rootsOnly?: boolean;

  @Field(() => [County], { nullable: true, description: 'Any of these counties.' })
  @IsOptional()
  @IsEnum(County, { each: true })
  county?: County[];

  @Field({ nullable: true, description: 'Case-insensitive substring of the name, or the exact official code.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;
}
