import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { PageArgs } from '../../../common/pagination/connection';

@InputType()
export class UserFilter {
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsEnum(Role, { each: true })
  role?: Role[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field({ nullable: true, description: 'Substring of the name or e-mail.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}
