import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { AuthService } from './auth.service';
import { LoginInput, LoginPayload } from './dto/login.input';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => LoginPayload, { description: 'Exchanges e-mail and password for a signed token (JWT). Public.' })
  async login(@Args('input') input: LoginInput, @Context() ctx: GqlContext) {
    const payload = await this.auth.login(input);
    // From here on the caller is this user, so `login { user { email } }` resolves as for `me`.
    ctx.req.user = { id: payload.user.id, role: payload.user.role, organisationId: payload.user.organisationId };
    return payload;
  }
}
