import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AppRequest, GqlContext } from '../graphql/gql-context';
import type { AuthUser } from './auth-user';
import type { Role } from './role.enum';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** Opens an operation to callers without a token (login, framework, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts an operation to these roles (checked by the global guard: FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated caller (the global guard guarantees one outside @Public operations). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  if (ctx.getType() === 'http') return ctx.switchToHttp().getRequest<AppRequest>().user as AuthUser;
  return GqlExecutionContext.create(ctx).getContext<GqlContext>().req.user as AuthUser;
});
