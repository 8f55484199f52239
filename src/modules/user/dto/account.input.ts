import { Field, GraphQLISODateTime, ID, InputType, ObjectType, OmitType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ReasonField } from '../../../common/corrections/correction.input';
import { UserEntity } from '../user.entity';
import { CreateUserInput, PASSWORD_MIN } from './create-user.input';

@InputType({ description: 'A new account whose owner sets their own password through a one-time link (admins).' })
export class InviteUserInput extends OmitType(CreateUserInput, ['password'] as const) {}

@InputType({ description: 'A new one-time link for an existing account to set its password (a forgotten password); earlier links stop working.' })
export class IssuePasswordLinkInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID('all')
  userId: string;

  @ReasonField()
  reason: string;
}

@InputType({ description: 'The caller’s own new password, confirmed by the current one.' })
export class ChangePasswordInput {
  @Field({ description: 'The password used now.' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field({ description: `At least ${PASSWORD_MIN} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(200)
  newPassword: string;
}

@ObjectType('PasswordLink', {
  description: 'A one-time link to set a password, shown once: give it to its user yourself (the system sends no e-mail).',
})
export class PasswordLink {
  @Field(() => UserEntity, { description: 'Whose password it sets.' })
  user: UserEntity;

  @Field({ description: 'The address to open; it works once, until `expiresAt`.' })
  url: string;

  @Field(() => GraphQLISODateTime, { description: 'When it stops working (INVITATION_TTL_HOURS after it was made).' })
  expiresAt: Date;
}
