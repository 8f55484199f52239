import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../../common/auth/role.enum';
import { ClientIdField } from '../../client-request/retryable.input';

export const PASSWORD_MIN = 12;

@InputType({ description: 'A new account (admins); the password is set here and never shown again.' })
export class CreateUserInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Unique, case-insensitive.' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @Field({ description: 'The name others see.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for ORG_REPORTER, empty for other roles.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @Field({ description: `At least ${PASSWORD_MIN} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(200)
  password: string;
}
