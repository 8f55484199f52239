import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginInput, LoginPayload } from './dto/login.input';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => LoginPayload, { description: 'Exchanges e-mail and password for a signed token (JWT). Public.' })
  login(@Args('input') input: LoginInput) {
    return this.auth.login(input);
  }
}
