import { createServer } from 'node:http';
import { Pool } from 'pg';
import { SCORED_DIMENSIONS } from '../../src/modules/survey/survey.enums';
import { REFERENCE_SQL, ReferenceName } from './sql';

/**
 * The practical ceiling: a minimal Node HTTP handler that runs the reference SQL with `pg` and
 * returns the rows as JSON. No framework, no auth, no validation. POST /<name> with a JSON
 * array of parameters; GET /health.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const extra: Partial<Record<ReferenceName, unknown[]>> = { discretion: [SCORED_DIMENSIONS] };

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.end('ok');
    return;
  }
  const name = (req.url ?? '').slice(1) as ReferenceName;
  const sql = REFERENCE_SQL[name];
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    if (!sql) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const params = [...(JSON.parse(body || '[]') as unknown[]), ...(extra[name] ?? [])];
    pool.query(sql, params).then(
      (r) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: r.rows }));
      },
      (err: Error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: err.message }));
      },
    );
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
