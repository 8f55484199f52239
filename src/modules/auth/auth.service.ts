import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../../common/errors/domain-error';
import { dummyHash, verifyPassword } from '../user/password';
import { UserService } from '../user/user.service';
import type { UserEntity } from '../user/user.entity';
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
    const user = await this.checkCredentials(input.email, input.password);
    return { ...(await this.tokens.issue(user.id)), user };
  }

  /** The active user with this e-mail and password (the API's login and the pages' sign-in). */
  async checkCredentials(email: string, password: string): Promise<UserEntity> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) throw unauthenticated('Wrong e-mail or password, or the account is deactivated');
    return user;
  }
}
