import type { Request } from 'express';

/**
 * Pages answer their errors as pages, not as the API's JSON: the web layer provides this, and the
 * one exception filter asks it first for every HTTP request.
 */
export interface ErrorPages {
  /** The HTML for an error of this request, or null when the request is not for a page. */
  render(req: Request, status: number): string | null;
}

export const ERROR_PAGES = Symbol('ERROR_PAGES');
