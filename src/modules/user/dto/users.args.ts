import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { PageArgs } from '../../../common/pagination/connection';

@InputType({ description: 'Which users to list (all conditions must hold).' })
export class UserFilter {
  @Field(() => [Role], { nullable: true, description: 'Any of these roles.' })
  @IsOptional()
  @IsEnum(Role, { each: true })
  role?: Role[];

  @Field({ nullable: true, description: 'Only active (true) or deactivated (false) users.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true, description: 'Reporters of this organisation.' })
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
