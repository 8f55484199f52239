import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * The last Express error handler: body-parser failures (too large, not JSON) and anything else
 * that escapes Nest get a JSON answer in GraphQL's error shape, never an HTML page or a stack.
 */
export function bodyErrorHandler(limit: string) {
  const logger = new Logger('HTTP');
  return (err: BodyParserError, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const send = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.id } }] });
    if (err.type === 'entity.too.large') return send(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit}`);
    if (err.type === 'entity.parse.failed') return send(400, 'BAD_REQUEST', 'The request body is not valid JSON');
    if (err.status && err.status >= 400 && err.status < 500) return send(err.status, 'BAD_REQUEST', 'The request could not be read');
    logger.error({ err, requestId: req.id }, 'unhandled HTTP error');
    return send(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
