import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';

export interface AppRequest extends Request {
  id: string;
  user?: AuthUser;
  /** The token check and user lookup, once per request (set by the auth guard). */
  authentication?: Promise<AuthUser>;
}

/** The GraphQL context: the request (with its id and the authenticated user) and per-request loaders. */
export interface GqlContext {
  req: AppRequest;
  res: Response;
  /** DataLoaders created on first use in this request, keyed by name (see common/loaders). */
  loaders: Map<string, unknown>;
}
