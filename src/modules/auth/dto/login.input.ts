import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserEntity } from '../../user/user.entity';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' }) token: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => UserEntity) user: UserEntity;
}
