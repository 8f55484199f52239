// The nested-read reference of issue 5: PostGraphile v5 (Amber preset) serving the same database,
// schema `public`, no plugins. Plain ESM (PostGraphile is ESM-only); started by the harness.
import { createServer } from 'node:http';
import process from 'node:process';

// PostGraphile 5 declares Node >= 22; on Node 20 it needs Promise.withResolvers (Node 22).
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 10) } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};
const serv = postgraphile(preset).createServ(grafserv);
const handler = serv.createHandler();
createServer((req, res) => (req.url === '/health' ? res.end('ok') : handler(req, res))).listen(Number(process.env.PORT), '127.0.0.1');
