import { ArgumentsHost, Catch, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { translatePgError } from '../errors/pg-errors';
import type { AppRequest } from './gql-context';
import { ERROR_PAGES, type ErrorPages } from '../web/error-pages';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  503: 'TIMEOUT',
};

/** HTTP-level failures (body too large, not JSON, unknown route) in GraphQL's error shape. */
function httpError(exception: HttpException): { code: string; message: string } {
  const status = exception.getStatus();
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit (BODY_LIMIT)' };
  if (exception.cause instanceof SyntaxError) return { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
  if (status === 404) return { code: 'NOT_FOUND', message: 'No such route' };
  return { code: HTTP_CODES[status] ?? 'BAD_REQUEST', message: exception.message };
}

/** Known errors → a GraphQLError with `extensions.code`; anything else → undefined. */
export function toClientError(exception: unknown): GraphQLError | undefined {
  if (exception instanceof GraphQLError) return exception;
  const domain = exception instanceof DomainError ? exception : translatePgError(exception);
  if (domain) {
    const extensions: Record<string, unknown> = { code: domain.code };
    if (domain.fields.length) extensions.fields = domain.fields;
    if (domain.retryAfterSeconds !== undefined) {
      extensions.retryAfter = domain.retryAfterSeconds;
      // Apollo takes the HTTP status and headers from here (and leaves them out of the body).
      extensions.http = { status: 429, headers: new Map([['retry-after', String(domain.retryAfterSeconds)]]) };
    }
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

  constructor(@Optional() @Inject(ERROR_PAGES) private readonly pages?: ErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      const known = toClientError(exception);
      if (known) return known;
      throw exception;
    }
    const http = host.switchToHttp();
    const req = http.getRequest<AppRequest>();
    const res = http.getResponse<Response>();
    if (res.headersSent) {
      // A streamed download failed half-way: the status is gone, so cut the connection; the
      // client sees a truncated transfer rather than a file that looks complete.
      this.logger.error({ err: exception, requestId: req.id }, 'error after the response started');
      res.destroy();
      return;
    }
    const send = (status: number, code: unknown, message: string) => {
      if (this.pages?.respond(req, res, status)) return;
      return res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.id } }] });
    };
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      // Structured bodies (the health report) go out as they are.
      if (typeof body === 'object' && exception.getStatus() === 503) return res.status(503).json(body);
      const { code, message } = httpError(exception);
      return send(exception.getStatus(), code, message);
    }
    const known = toClientError(exception);
    if (known) {
      const code = String(known.extensions.code);
      const status = Number(Object.entries(HTTP_CODES).find(([, c]) => c === code)?.[0] ?? 400);
      const { http, ...extensions } = known.extensions as { http?: { headers?: Map<string, string> } };
      for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
      if (this.pages?.respond(req, res, status)) return;
      return res.status(status).json({ errors: [{ message: known.message, extensions: { ...extensions, requestId: req.id } }] });
    }
    this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    return send(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
}
