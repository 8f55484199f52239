import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import * as path from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { serveStatic } from 'ruru/static';
import { GRAPHIQL_STATIC } from './web/graphiql/graphiql.controller';
import { graphqlInBrowser } from './web/graphiql/graphql-in-browser';
import { WebSessions } from './web/session/web-sessions';

/** The whole app, configured as in production: used by main.ts and by the end-to-end tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Which client address req.ip gives (login limits per address): only proxies we were told of.
  app.set('trust proxy', options.config.http.trustProxy);
  app.useBodyParser('json', { limit: options.config.http.bodyLimit });
  // CSV arrives as bytes: the upload checks the encoding itself and names the bad line.
  app.useBodyParser('raw', { type: 'text/csv', limit: options.config.http.bodyLimit });
  // A REFI-QDA project (.qdpx) to import: a ZIP, read whole.
  app.useBodyParser('raw', { type: ['application/zip', 'application/octet-stream'], limit: options.config.http.bodyLimit });
  // The pages' forms: small, flat (no nested objects from field names).
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  // The pages' stylesheet and scripts: files of the repository, nothing from elsewhere.
  // /graphql opened in a browser: GraphiQL, or a page saying what the address is for.
  app.use(graphqlInBrowser(options.config.graphiql));
  // Signed-in pages' sessions (never on the survey links or the files).
  app.use(app.get(WebSessions).middleware);
  // GraphiQL's files, from the installed package (no CDN), when GraphiQL is on.
  if (options.config.graphiql) {
    const files = serveStatic(GRAPHIQL_STATIC); // it reads the whole path, so it is not mounted
    app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith(GRAPHIQL_STATIC) ? files(req, res, next) : next()));
  }
  app.useStaticAssets(path.join(__dirname, 'web', 'assets'), { prefix: '/assets/', index: false, maxAge: '1h' });
  await app.init();
  return app;
}
