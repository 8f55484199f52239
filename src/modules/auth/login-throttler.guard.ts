import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { tooManyRequests } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { normaliseEmail } from '../user/user.service';

/** The account a login attempt is for: the normalised e-mail address it gives. */
export function loginAccount(req: Record<string, unknown>, context: ExecutionContext): string {
  // The API's `login(input: { email })`, or the sign-in page's form field `email`.
  const email =
    context.getType<GqlContextType>() === 'graphql'
      ? GqlExecutionContext.create(context).getArgs<{ input?: { email?: unknown } }>().input?.email
      : (req.body as { email?: unknown } | undefined)?.email;
  return `account:${typeof email === 'string' ? normaliseEmail(email) : ''}`;
}

/**
 * @nestjs/throttler on the `login` mutation and the sign-in page: per client address and per account (the two
 * throttlers of AuthModule), counted in PostgreSQL. Over a limit the attempt is refused before
 * the password is checked, with TOO_MANY_REQUESTS, HTTP 429 and Retry-After, and one log line.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('LoginRateLimit');

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<GqlContextType>() !== 'graphql') return super.getRequestResponse(context);
    const { req, res } = GqlExecutionContext.create(context).getContext<{ req: AppRequest; res: Record<string, unknown> }>();
    return { req: req as unknown as Record<string, unknown>, res };
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const req = this.getRequestResponse(context).req as unknown as AppRequest;
    const limit = this.limitName(detail);
    // Which limit and when it lifts; never the e-mail address tried.
    this.log.warn({ requestId: req.id, limit, retryAfter: detail.timeToBlockExpire }, 'login refused: too many attempts');
    throw tooManyRequests('Too many login attempts; wait before trying again', detail.timeToBlockExpire);
  }

  private limitName(detail: ThrottlerLimitDetail): string {
    return detail.tracker.startsWith('account:') ? 'per account' : 'per client address';
  }
}
