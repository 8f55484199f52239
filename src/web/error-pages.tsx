import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pageSession } from '../common/auth/page-session';
import type { ErrorPages } from '../common/web/error-pages';
import { Notice } from './components';
import { html } from './layout';
import { Lang, langOf, MessageKey, text } from './messages';
import { isPagePath, isSurveyPath, PATHS } from './paths';
import { sendPage } from './respond';

/** Titles and texts by status; a row the caller may not see is "not found" like a missing one. */
const PAGE_ERRORS: Record<number, [MessageKey, MessageKey]> = {
  404: ['page.notFound.title', 'page.notFound.body'],
  403: ['page.forbidden.title', 'page.forbidden.body'],
  429: ['page.tooMany.title', 'page.tooMany.body'],
};

/**
 * Errors of the pages as pages in the visitor's language: on the anonymous survey links the
 * survey's own texts; elsewhere a page that was not signed in for goes to the sign-in page and
 * comes back after.
 */
@Injectable()
export class WebErrorPages implements ErrorPages {
  respond(req: Request, res: Response, status: number): boolean {
    if (!isPagePath(req.path)) return false;
    const lang: Lang = req.query.lang ? langOf(req.query.lang) : (pageSession(req)?.lang ?? 'sv');
    if (isSurveyPath(req.path)) {
      const body = text(lang, status === 413 ? 'error.tooLarge.body' : 'error.body');
      sendPage(res, status, html(<Notice lang={lang} title={text(lang, 'error.title')} body={body} />));
      return true;
    }
    if (status === 401) {
      const next = req.method === 'GET' && req.path !== PATHS.signIn ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      res.redirect(303, `${PATHS.signIn}${next}`);
      return true;
    }
    const [title, body] = PAGE_ERRORS[status] ?? ['error.title', status === 413 ? 'error.tooLarge.body' : status < 500 ? 'form.invalid' : 'page.error.body'];
    const csrf = status === 403 && req.method === 'POST';
    sendPage(res, status, html(<Notice lang={lang} title={text(lang, csrf ? 'error.title' : title)} body={text(lang, csrf ? 'form.expired' : body)} />));
    return true;
  }
}
