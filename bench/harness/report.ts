import * as fs from 'node:fs';
import * as os from 'node:os';

/* eslint-disable @typescript-eslint/no-explicit-any -- the results JSON written by run.ts */

const f0 = (x: number) => Math.round(x).toLocaleString('en');
const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const ratio = (x: number) => `×${x.toFixed(2)}`;

/** The machine a run ran on. */
export const machine = () => ({ cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version });

/** The generated results section for one scale, as Markdown. */
export function renderResults(r: any): string {
  const lines = [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (quick smoke run: numbers not meaningful)' : ''}, ${f0(r.seconds)} s in all. ` +
      `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.postgres}. ` +
      `Dataset: ${Object.entries(r.dataset)
        .map(([k, v]) => `${f0(v as number)} ${k}`)
        .join(', ')}. ` +
      `${r.options.runs} runs of ${r.options.seconds} s per side after ${r.options.warmup} s warm-up, API and reference alternating; medians.`,
    '',
    '| scenario | conns | API req/s | API p50 / p95 / p99 ms | reference req/s | ref p50 / p95 / p99 ms | throughput ratio | p95 ratio | p99 ratio | API peak RSS MiB | SQL per request |',
    '|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const c of r.comparisons) {
    lines.push(
      `| ${c.scenario} | ${c.connections} | ${f0(c.api.rps)} | ${f1(c.api.p50)} / ${f1(c.api.p95)} / ${f1(c.api.p99)} | ${f0(c.reference.rps)} | ` +
        `${f1(c.reference.p50)} / ${f1(c.reference.p95)} / ${f1(c.reference.p99)} | ${ratio(c.throughputRatio)} | ${ratio(c.p95Ratio)} | ${ratio(c.p99Ratio)} | ${f0(c.apiPeakRssMiB)} | ${c.statements ?? '–'} |`,
    );
  }
  const ing = r.ingest;
  lines.push(
    '',
    `Bulk ingest of ${f0(ing.mutation.rows)} survey responses${ing.rounds > 1 ? ` (median of ${ing.rounds} rounds, the three paths alternating)` : ''}: ` +
      `batch mutation ${f0(ing.mutation.rowsPerSecond)} rows/s (${ratio(ing.mutationVsCopy)} COPY), ` +
      `CSV upload ${f0(ing.csv.rowsPerSecond)} rows/s (${ratio(ing.csvVsCopy)} COPY), COPY ${f0(ing.copy.rowsPerSecond)} rows/s` +
      (ing.rounds > 1
        ? `; per round ${['mutation', 'csv', 'copy'].map((k) => `${k === 'csv' ? 'CSV' : k} ${ing[k].rowsPerSecondRuns.map(f0).join(' / ')}`).join(', ')}. `
        : '. ') +
      `API RSS after each 10,000-row batch of the last round (mutation): ${ing.mutation.rssAfterBatchMiB.join(', ')} MiB; (CSV): ${ing.csv.rssAfterBatchMiB.join(', ')} MiB.`,
    '',
    r.nested
      ? `Nested read: the API ran ${r.nested.statements10} SQL statements for 10 observations and ${r.nested.statements50} for 50 (constant: no N+1). ` +
          'PostGraphile compiles the whole request into one statement; it runs with Promise.withResolvers polyfilled (it declares Node ≥ 22, this machine has Node 20).'
      : '',
    '',
    r.mixed ? renderMixed(r.mixed) : '',
    '',
    '| streamed export | size | lines | seconds | API RSS before → peak MiB |',
    '|---|---:|---:|---:|---|',
    ...Object.entries(r.exports).map(
      ([name, e]: [string, any]) => `| ${name} | ${f1(e.bytes / 2 ** 20)} MiB | ${f0(e.lines)} | ${f1(e.seconds)} | ${e.rssBeforeMiB} → ${e.peakRssMiB} |`,
    ),
  );
  return lines.join('\n');
}

/** The mixed load's streams and the check of what was stored, as one paragraph. */
function renderMixed(m: any): string {
  return (
    `Mixed load for ${m.seconds} s: ` +
    Object.entries(m.streams)
      .map(
        ([k, v]: [string, any]) =>
          `${k} (${v.connections} connections): ${f0(v.ok)} ok, ${v.graphqlErrors + v.httpErrors} errors, p50 / p99 ${f1(v.p50)} / ${f1(v.p99)} ms`,
      )
      .join('; ') +
    `. Stored afterwards: ${m.check.observationsStored} observations for ${m.check.observationsAcknowledged} acknowledged (${m.check.observationDuplicates} duplicates), ` +
    `${m.check.burdenStored} burden reports for ${m.check.burdenAcknowledged} acknowledged ` +
    `(${m.check.consistent ? 'consistent: nothing lost or duplicated; a write in flight when the load stops is stored unacknowledged' : 'INCONSISTENT'}).`
  );
}

const okTotal = (m: any) => Object.values(m.streams).reduce((n: number, v: any) => n + v.ok, 0);

/** The scale-out run (bench/scale-out.ts), as Markdown. */
export function renderScaleOut(r: any): string {
  const answered = Object.entries(r.mixed.answered) as [string, any][];
  return [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${f0(r.seconds)} s in all, ${r.instances} API processes behind nginx on one database. ` +
      `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.postgres}.`,
    '',
    `- **Login limit across instances.** ${r.loginLimit.attempts} wrong passwords for one account through the balancer, ` +
      `answered by ${r.loginLimit.instancesAsked} instances in turn: refused with TOO_MANY_REQUESTS from attempt ${r.loginLimit.refusedFrom + 1} ` +
      `(limit ${r.loginLimit.limit}) — ${r.loginLimit.holds ? 'the limit is one limit, not one per instance' : '**broken**'}.`,
    `- **Retries across instances.** The same observation (one clientId) sent to two instances at the same moment, ${r.retries.pairs} times: ` +
      `${r.retries.sameAnswer} pairs answered with one id, ${r.retries.stored} observations stored for ${r.retries.distinct} clientIds — ${r.retries.holds ? 'none duplicated' : '**broken**'}.`,
    '',
    '| mixed load | requests answered | per second | per instance per second |',
    '|---|---:|---:|---:|',
    `| one instance, directly | ${f0(okTotal(r.mixed.one))} | ${f0(okTotal(r.mixed.one) / r.mixed.one.seconds)} | ${f0(okTotal(r.mixed.one) / r.mixed.one.seconds)} |`,
    `| ${r.instances} instances behind nginx | ${f0(okTotal(r.mixed.many))} | ${f0(okTotal(r.mixed.many) / r.mixed.many.seconds)} | ${answered.map(([, a]) => f0(a.perSecond)).join(' / ')} |`,
    '',
    `One instance: ${renderMixed(r.mixed.one)}`,
    '',
    `${r.instances} instances: ${renderMixed(r.mixed.many)}`,
  ].join('\n');
}

/** The writes' latency (observations, burden) of one mixed load, as `p50 / p99 ms` each. */
const writeLatency = (m: any) =>
  Object.entries(m.streams)
    .filter(([k]) => !k.startsWith('analysts'))
    .map(([k, v]: [string, any]) => `${k.split(' (')[0]}: ${f1(v.p50)} / ${f1(v.p99)}`)
    .join('; ');
const analyticsOk = (m: any) => (Object.entries(m.streams).find(([k]) => k.startsWith('analysts'))?.[1] as any)?.ok ?? 0;

/** The read-replica run (bench/scale-out.ts), as Markdown. */
export function renderReplica(r: any): string {
  return [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${f0(r.seconds)} s in all, on the embedded benchmark server and a streaming replica of it. ` +
      `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.postgres}.`,
    '',
    '| mixed load, analytics read from | writes p50 / p99 ms | analytics answered |',
    '|---|---|---:|',
    `| the primary | ${writeLatency(r.onPrimary)} | ${f0(analyticsOk(r.onPrimary))} |`,
    `| the replica | ${writeLatency(r.onReplica)} | ${f0(analyticsOk(r.onReplica))} |`,
    '',
    `The replica committed ${f0(r.replicaStatements)} read transactions during the second run. Its lag, sampled every 500 ms (${r.lag.samples} samples) on the primary: ` +
      `median ${f0(r.lag.medianBytes)} bytes of WAL not yet replayed (${f1(r.lag.medianReplayLagMs)} ms replay lag), at most ${f0(r.lag.maxBytes)} bytes (${f1(r.lag.maxReplayLagMs)} ms).`,
    '',
    `Analytics on the primary: ${renderMixed(r.onPrimary)}`,
    '',
    `Analytics on the replica: ${renderMixed(r.onReplica)}`,
  ].join('\n');
}

/** Replaces the section between `<!-- bench:<scale>:start -->` and `<!-- bench:<scale>:end -->`. */
export function writeSection(file: string, scale: string, markdown: string): void {
  const start = `<!-- bench:${scale}:start -->`;
  const end = `<!-- bench:${scale}:end -->`;
  const doc = fs.readFileSync(file, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} has no ${start} … ${end} section`);
  fs.writeFileSync(file, `${doc.slice(0, i + start.length)}\n${markdown}\n${doc.slice(j)}`);
}
