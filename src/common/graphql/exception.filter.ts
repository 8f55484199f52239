import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { translatePgError } from '../errors/pg-errors';
import type { AppRequest } from './gql-context';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** Known errors → a GraphQLError with `extensions.code`; anything else → undefined. */
export function toClientError(exception: unknown): GraphQLError | undefined {
  if (exception instanceof GraphQLError) return exception;
  const domain = exception instanceof DomainError ? exception : translatePgError(exception);
  if (domain) {
    const extensions: Record<string, unknown> = { code: domain.code };
    if (domain.fields.length) extensions.fields = domain.fields;
    return new GraphQLError(domain.message, { extensions });
  }
  if (exception instanceof HttpException) {
    const code = HTTP_CODES[exception.getStatus()];
    if (code) return new GraphQLError(exception.message, { extensions: { code } });
  }
  return undefined;
}

/**
 * The one place where exceptions meet clients. GraphQL: known errors are returned as coded
 * GraphQLErrors; unknown ones are re-thrown so Apollo marks them INTERNAL_SERVER_ERROR, and the
 * error-policy plugin logs them with the request id and strips their message. HTTP routes get a
 * JSON body with the same codes.
 */
@Catch()
export class AllExceptionsFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      const known = toClientError(exception);
      if (known) return known;
      throw exception;
    }
    const http = host.switchToHttp();
    const req = http.getRequest<AppRequest>();
    const res = http.getResponse<Response>();
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return undefined;
    }
    const known = toClientError(exception);
    if (known) {
      res.status(400).json({ message: known.message, code: known.extensions.code });
      return undefined;
    }
    this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    res.status(500).json({ message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', requestId: req.id });
    return undefined;
  }
}
