import { Controller, Get, HttpStatus, Inject, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { ruruHTML } from 'ruru/server';
import type { AppRequest } from '../../common/graphql/gql-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { html, Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { sendPage } from '../respond';
import { apiExamples, DocExample } from './doc-examples';

type ClientConfig = NonNullable<Parameters<typeof ruruHTML>[0]['clientConfig']>;

export const GRAPHIQL_STATIC = `${PATHS.graphiql}/static/`;

/** Every inline script of a page by its hash, so the policy allows those and nothing else inline. */
function scriptHashes(page: string): string {
  const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).join(' ');
}

/**
 * GraphiQL (Ruru's distribution of GraphiQL 5, served from the installed package: no CDN) at
 * /graphiql for a signed-in user, whose page session it uses; on by default outside production,
 * in production only with GRAPHIQL=true. The examples of docs/api.md are one click away.
 */
@Controller(PATHS.graphiql)
export class GraphiqlController {
  private readonly examples: DocExample[] = apiExamples();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: PageContexts,
  ) {}

  @Get()
  ide(@Query('query') query: unknown, @Res() res: Response): void {
    this.assertOn();
    const initialQuery = typeof query === 'string' && query.length <= 20_000 ? query : undefined;
    const page = ruruHTML({
      staticPath: GRAPHIQL_STATIC,
      endpoint: '/graphql',
      clientConfig: {
        debugTools: [],
        initialQuery,
        defaultQuery: `# Tillit Tracker: GraphQL for analysts and integrations.\n# Examples from docs/api.md: ${PATHS.graphiqlExamples}\n{\n  me { displayName role }\n}\n`,
      } as Partial<ClientConfig> as ClientConfig, // the package types every option as required; the rest keep their defaults
      htmlParts: { titleTag: '<title>GraphiQL – Tillit Tracker</title>' },
    });
    res
      .status(HttpStatus.OK)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': [
          "default-src 'none'",
          `script-src 'self' ${scriptHashes(page)}`,
          "worker-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "font-src 'self' data:",
          "img-src 'self' data:",
          "connect-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ].join('; '),
      })
      .send(page);
  }

  @Get('exempel')
  async examplesPage(@Req() req: AppRequest, @Res() res: Response): Promise<void> {
    this.assertOn();
    const c = await this.pages.of(req, PATHS.graphiqlExamples);
    sendPage(res, HttpStatus.OK, html(<ExamplesPage c={c} examples={this.examples} />));
  }

  private assertOn(): void {
    if (!this.config.graphiql) throw new NotFoundException();
  }
}

function ExamplesPage({ c, examples }: { c: PageContext; examples: DocExample[] }) {
  const t = (key: MessageKey) => text(c.lang, key);
  return (
    <Page lang={c.lang} title={t('examples.title')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('examples.title')}</h1>
      <p>{t('examples.intro')}</p>
      {examples.map((e, i) => (
        <section aria-labelledby={`example-${i}`} class="example">
          <h2 id={`example-${i}`}>{e.heading}</h2>
          <pre>
            <code lang="en">{e.text}</code>
          </pre>
          <p>
            <a href={`${PATHS.graphiql}?${new URLSearchParams({ query: e.text })}`}>
              {t('examples.open')}
              <span class="visually-hidden">{`: ${e.heading}`}</span>
            </a>
          </p>
        </section>
      ))}
    </Page>
  );
}
