import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ErrorPages } from '../common/web/error-pages';
import { html } from './layout';
import { langOf, text } from './messages';
import { Notice } from './survey/survey-pages';

/** Errors on the pages (a body too large, an unexpected failure) as a page in the visitor's language. */
@Injectable()
export class WebErrorPages implements ErrorPages {
  render(req: Request, status: number): string | null {
    if (!req.path.startsWith('/s/')) return null;
    const lang = langOf(req.query.lang);
    const body = text(lang, status === 413 ? 'error.tooLarge.body' : 'error.body');
    return html(<Notice lang={lang} title={text(lang, 'error.title')} body={body} />);
  }
}
