import type { Request, Response } from 'express';

/**
 * Pages answer their errors as pages, not as the API's JSON: the web layer provides this, and the
 * one exception filter asks it first for every HTTP request.
 */
export interface ErrorPages {
  /**
   * Answers an error of a page request: a page in the visitor's language, or (not signed in) the
   * way to the sign-in page. False when the request is not for a page: the filter answers JSON.
   */
  respond(req: Request, res: Response, status: number): boolean;
}

export const ERROR_PAGES = Symbol('ERROR_PAGES');
