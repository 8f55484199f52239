import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../../config/config';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenPayload {
  sub: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const ttl = this.config.auth.jwtTtlSeconds;
    const token = await this.jwt.signAsync({ sub: userId } satisfies TokenPayload, { expiresIn: ttl });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The payload, or undefined for a bad signature, an expired token or a malformed one. */
  async verify(token: string): Promise<TokenPayload | undefined> {
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
      // Only our own user ids: a token signed with our secret but another subject is not ours to trust.
      return typeof payload.sub === 'string' && USER_ID.test(payload.sub) ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}
