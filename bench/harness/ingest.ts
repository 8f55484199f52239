import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { newRecordKey } from '../../src/modules/survey/record-key';
import { numberArrayLiteral } from '../../src/database/pg-array';
import { responseScorer } from '../../src/modules/survey/scoring';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { BenchContext } from '../scenarios';
import { gql } from './gql';
import { median } from './stats';
import { ServerProcess } from './processes';

/**
 * Scenario 4: the same rows through the batch mutation, the CSV upload and COPY, each into a
 * wave of its own, the three alternating for `rounds` rounds; rows/s is the median over rounds.
 */
export async function bulkIngest(ingestRows: number, api: ServerProcess, pg: Client, adminToken: string, ctx: BenchContext, rounds = 1) {
  const today = new Date().toISOString().slice(0, 10);
  const [unit] = (
    await pg.query(`SELECT organisation_id AS id FROM pilot_participant WHERE pilot_id = $1 AND level = 'FRONT_LINE' ORDER BY organisation_id LIMIT 1`, [
      ctx.pilotId,
    ])
  ).rows;
  const items = (
    await pg.query(
      `SELECT position, code, dimension::text AS dimension, scale::text AS scale, min::float8 AS min, max::float8 AS max, reverse_scored AS "reverseScored" FROM survey_item WHERE instrument_id = $1 ORDER BY position`,
      [DEFAULT_SURVEY_INSTRUMENT_ID],
    )
  ).rows;
  const score = responseScorer(items);
  const batch = 10_000;
  const row = (i: number) => ({
    unitId: unit.id,
    category: 'FRONT_LINE_STAFF',
    tenureBand: null,
    panelKey: null,
    answers: items.map((it, k) => (it.scale === 'LIKERT_5' ? ((i + k) % 5) + 1 : (i * 7 + k) % 101)),
  });
  const runs: Record<string, { seconds: number; rowsPerSecond: number; rssAfterBatchMiB: number[] }[]> = { mutation: [], csv: [], copy: [] };
  const waves: string[] = [];
  const openWave = async (label: string) => {
    const d = await gql(
      api.url,
      'mutation($i: OpenSurveyWaveInput!) { openSurveyWave(input: $i) { id } }',
      { i: { pilotId: ctx.pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label, opensOn: today, closesOn: today, unitIds: [unit.id] } },
      adminToken,
    );
    waves.push(d.openSurveyWave.id);
    return d.openSurveyWave.id as string;
  };
  try {
    for (let round = 0; round < rounds; round++)
      for (const path of ['mutation', 'csv', 'copy'] as const) {
        const wave = await openWave(`Bench ingest ${path} ${randomBytes(3).toString('hex')}`);
        const rss: number[] = [];
        const t0 = performance.now();
        if (path === 'copy') {
          const [{ id: admin }] = (await pg.query(`SELECT id FROM app_user WHERE email = 'admin@bench.tillit.invalid'`)).rows;
          // Every response belongs to a batch (how responses are corrected): one for the whole COPY.
          const [{ id: batchId }] = (
            await pg.query(`INSERT INTO survey_batch (wave_id, source, response_count, submitted_by) VALUES ($1, 'API', $2, $3) RETURNING id`, [
              wave,
              ingestRows,
              admin,
            ])
          ).rows;
          const stream = pg.query(
            copyFrom('COPY survey_response (wave_id, unit_id, category, answers, scores, record_key, submitted_by, batch_id) FROM STDIN'),
          );
          await pipeline(
            Readable.from(
              (function* () {
                for (let i = 0; i < ingestRows; i++) {
                  const r = row(i);
                  yield `${wave}\t${r.unitId}\t${r.category}\t${numberArrayLiteral(r.answers)}\t${numberArrayLiteral(score(r.answers))}\t${newRecordKey()}\t${admin}\t${batchId}\n`;
                }
              })(),
            ),
            stream,
          );
        } else {
          for (let start = 0; start < ingestRows; start += batch) {
            const rows = Array.from({ length: Math.min(batch, ingestRows - start) }, (_, k) => row(start + k));
            if (path === 'mutation') {
              const d = await gql(
                api.url,
                'mutation($i: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $i) { stored } }',
                { i: { waveId: wave, responses: rows } },
                adminToken,
              );
              if (d.submitSurveyResponses.stored !== rows.length) throw new Error('a batch was not stored in full');
            } else {
              const csv = [
                ['client_id', 'unit_id', 'category', 'tenure_band', 'panel_key', ...items.map((it) => it.code)].join(','),
                ...rows.map((r) => ['', r.unitId, r.category, '', '', ...r.answers].join(',')),
              ].join('\n');
              const res = await fetch(`${api.url}/surveys/waves/${wave}/responses.csv`, {
                method: 'POST',
                headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` },
                body: csv,
              });
              if (!res.ok) throw new Error(`CSV upload failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
            }
            rss.push(Math.round(api.rss()));
          }
        }
        const seconds = (performance.now() - t0) / 1000;
        const [{ n }] = (await pg.query('SELECT count(*)::int AS n FROM survey_response WHERE wave_id = $1', [wave])).rows;
        if (n !== ingestRows) throw new Error(`${path}: ${n} rows stored, expected ${ingestRows}`);
        runs[path].push({ seconds, rowsPerSecond: n / seconds, rssAfterBatchMiB: rss });
        console.log(
          `  bulk ingest via ${path}${rounds > 1 ? ` (round ${round + 1} of ${rounds})` : ''}: ${n.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en')} rows/s)${rss.length ? `, API RSS after each batch: ${rss.join(', ')} MiB` : ''}`,
        );
      }
  } finally {
    // The benchmark database stays as generated: the ingested rows go again.
    await pg.query('DELETE FROM survey_response WHERE wave_id = ANY($1)', [waves]);
    await pg.query('DELETE FROM survey_batch WHERE wave_id = ANY($1)', [waves]);
    await pg.query('DELETE FROM survey_wave_unit WHERE wave_id = ANY($1)', [waves]);
    await pg.query('DELETE FROM survey_wave WHERE id = ANY($1)', [waves]);
    // Now, not by autovacuum in the middle of the scenarios that follow.
    await pg.query('VACUUM ANALYZE survey_response, survey_batch, survey_wave, survey_wave_unit');
  }
  const results = Object.fromEntries(
    Object.entries(runs).map(([path, rs]) => [
      path,
      {
        rows: ingestRows,
        seconds: median(rs.map((r) => r.seconds)),
        rowsPerSecond: median(rs.map((r) => r.rowsPerSecond)),
        rowsPerSecondRuns: rs.map((r) => Math.round(r.rowsPerSecond)),
        rssAfterBatchMiB: rs.at(-1)!.rssAfterBatchMiB,
      },
    ]),
  );
  return {
    rounds,
    ...results,
    mutationVsCopy: results.mutation.rowsPerSecond / results.copy.rowsPerSecond,
    csvVsCopy: results.csv.rowsPerSecond / results.copy.rowsPerSecond,
  };
}
