import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/**
 * The synchronizer-token pattern (csrf-sync): a random token kept in the session, put into every
 * form as `_csrf`, and required back on every POST of a page. Together with the SameSite cookie
 * it keeps other sites from submitting forms in a signed-in user's name.
 */
const csrf = csrfSync({ size: 32, getTokenFromRequest: (req) => (req.body as { _csrf?: unknown } | undefined)?._csrf as string | undefined });

export const CSRF_FIELD = '_csrf';

/** The session's token for a form (made on first use; the session is then saved). */
export const csrfToken = (req: Request): string => csrf.generateToken(req);

/** Whether the form's token is the session's (false without a session). */
export const csrfValid = (req: Request): boolean => Boolean((req as { session?: unknown }).session) && csrf.isRequestValid(req);

const CHECKED_IN_HANDLER = 'csrf:checkedInHandler';

/** A file upload's body is read after the guards: its handler checks the token with csrfValid(). */
export const SkipCsrfGuard = () => SetMetadata(CHECKED_IN_HANDLER, true);

/** On every page controller: a POST without the session's token is refused (403, a page). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    if (this.reflector.get<boolean>(CHECKED_IN_HANDLER, context.getHandler())) return true;
    if (!csrfValid(req)) throw new ForbiddenException('The form has expired or did not come from this site');
    return true;
  }
}
