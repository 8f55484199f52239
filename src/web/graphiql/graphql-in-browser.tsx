import type { NextFunction, Request, Response } from 'express';
import { Notice } from '../components';
import { html } from '../layout';
import { langOf, text } from '../messages';
import { PATHS } from '../paths';
import { sendPage } from '../respond';

/**
 * A person who opens /graphql in a browser (a GET asking for HTML, with no query) gets GraphiQL
 * when it is on, otherwise a page saying what the address is for, instead of the API's CSRF
 * error. Every other request goes on to Apollo unchanged.
 */
export function graphqlInBrowser(graphiql: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const browsing = req.method === 'GET' && req.path === '/graphql' && req.query.query === undefined && req.accepts(['json', 'html']) === 'html';
    if (!browsing) return next();
    if (graphiql) return res.redirect(303, PATHS.graphiql);
    const lang = langOf(req.query.lang);
    sendPage(res, 200, html(<Notice lang={lang} title={text(lang, 'graphql.title')} body={text(lang, 'graphql.body')} />));
  };
}
