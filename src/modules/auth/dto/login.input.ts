import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserEntity } from '../../user/user.entity';

@InputType({ description: 'E-mail and password.' })
export class LoginInput {
  @Field({ description: 'The account’s e-mail (case does not matter).' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @Field({ description: 'The account’s password.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: 'A bearer token and who it is for.' })
export class LoginPayload {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' }) token: string;
  @Field(() => GraphQLISODateTime, { description: 'When the token stops working (TOKEN_TTL_SECONDS after login).' }) expiresAt: Date;
  @Field(() => UserEntity, { description: 'The signed-in user.' }) user: UserEntity;
}
