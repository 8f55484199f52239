import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { AuthService } from './auth.service';
import { LoginInput, LoginPayload } from './dto/login.input';
import { LoginThrottlerGuard } from './login-throttler.guard';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Mutation(() => LoginPayload, {
    description:
      'Exchanges e-mail and password for a signed token (JWT). Public. Attempts are limited per account and per client address (TOO_MANY_REQUESTS, HTTP 429 with Retry-After).',
  })
  async login(@Args('input') input: LoginInput, @Context() ctx: GqlContext) {
    const payload = await this.auth.login(input);
    // From here on the caller is this user, so `login { user { email } }` resolves as for `me`.
    ctx.req.user = { id: payload.user.id, role: payload.user.role, organisationId: payload.user.organisationId };
    return payload;
  }
}
