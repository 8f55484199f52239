import type { Response } from 'express';

/**
 * Every page goes out through here: not cached (a shared phone or computer), no referrer (tokens
 * are in some addresses), nothing loaded from elsewhere, not framed, not indexed.
 */
export function sendPage(res: Response, status: number, body: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    })
    .send(body);
}

/** After a form was taken: to the next page with a GET (a reload does not send it again). */
export const seeOther = (res: Response, location: string): void => res.redirect(303, location);
