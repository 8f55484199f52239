import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../../common/errors/domain-error';
import { dummyHash, verifyPassword } from '../user/password';
import { UserService } from '../user/user.service';
import { LoginInput, LoginPayload } from './dto/login.input';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserService,
    private readonly tokens: TokenService,
  ) {}

  /** One answer for unknown e-mail, wrong password and deactivated user, taking the same time. */
  async login(input: LoginInput): Promise<LoginPayload> {
    const user = await this.users.findByEmail(input.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
    if (!user || !ok || !user.active) throw unauthenticated('Wrong e-mail or password, or the account is deactivated');
    return { ...(await this.tokens.issue(user.id)), user };
  }
}
