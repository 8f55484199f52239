import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { IS_PUBLIC, ROLES } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/auth-user';
import { endPageSession, pageSession, type PageSession } from '../../common/auth/page-session';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { Role } from '../../common/auth/role.enum';
import { forbidden, unauthenticated } from '../../common/errors/domain-error';
import type { AppRequest, GqlContext } from '../../common/graphql/gql-context';
import { UserService } from '../user/user.service';
import { TokenService } from './token.service';

/**
 * Global and deny-by-default: every operation needs a valid token (or, from a browser, a page
 * session) of an active user unless it is marked @Public(); @Roles() narrows it further. Scope
 * checks (which pilot, which organisation) are the services' job.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = this.request(context);
    if (!req.user) {
      // Root fields of one GraphQL request run their guards concurrently: they share one lookup.
      req.authentication ??= this.authenticate(req);
      req.user = await req.authentication;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }

  private async authenticate(req: AppRequest): Promise<AuthUser> {
    const header = req.headers.authorization;
    const session = pageSession(req);
    if (header === undefined && session?.userId) return this.fromSession(session);
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated('Authentication required: send the token from login as "Authorization: Bearer <token>"');
    const payload = await this.tokens.verify(match[1]);
    if (!payload) throw unauthenticated('The token is invalid or has expired; log in again');
    const user = await this.users.findAuthUser(payload.sub);
    if (!user) throw unauthenticated('The token is no longer valid; log in again');
    return user;
  }

  /** A page's session (and GraphiQL's): ends at its maximum age or when the user is deactivated. */
  private async fromSession(session: PageSession): Promise<AuthUser> {
    const maxAgeMs = this.config.auth.session.maxHours * 3_600_000;
    const user = Date.now() - (session.signedInAt ?? 0) < maxAgeMs ? await this.users.findAuthUser(session.userId!) : undefined;
    if (!user) {
      await endPageSession(session);
      throw unauthenticated('Your session has ended; sign in again');
    }
    return user;
  }

  private request(context: ExecutionContext): AppRequest {
    if (context.getType<GqlContextType>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<GqlContext>().req;
    }
    return context.switchToHttp().getRequest<AppRequest>();
  }
}
