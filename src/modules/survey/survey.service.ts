import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, FieldProblem, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { resolveSecret } from '../../config/secrets';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { AccessChecks } from '../access/access.checks';
import { visibleBatches, visibleWaves } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { CorrectSurveyBatchInput, CreateSurveyInstrumentInput, SubmitSurveyResponsesInput, SurveyResponseInput } from './dto/survey.input';
import { numberArrayLiteral } from '../../database/pg-array';
import { panelHash } from './panel-key';
import { newRecordKey } from './record-key';
import { answerFits, responseScorer } from './scoring';
import { SurveyInstrumentEntity, SurveyItemEntity } from './survey-instrument.entity';
import { SurveyBatchEntity, SurveyBatchSource } from './survey-batch.entity';
import { SurveyWaveEntity } from './survey-wave.entity';
import { ScaleKind } from './survey.enums';
import { SurveyErrors } from './survey.errors';
import type { WaveUnit } from './survey-csv';
import { withdrawal } from '../../database/withdrawal-columns';

export interface SubmitResult {
  received: number;
  stored: number;
  duplicates: number;
  /** The batch the responses were stored in (null when none was new). */
  batchId: string | null;
  /** The same batch (clientId, Idempotency-Key or file) was submitted before: nothing stored again. */
  alreadySubmitted: boolean;
}

export interface SubmitOptions {
  /** The line of the first response (a CSV's second line), for messages. */
  firstLine?: number;
  asOf?: string;
  source?: SurveyBatchSource;
  uploadKey?: string;
  /** The error for problems of the rows' shape (a CSV's cells), with the answers out of range. */
  shapeError?: (problems: FieldProblem[]) => DomainError;
}

/** Responses as they are read, in chunks, each with the problems of its rows' shape (a CSV's). */
export type ResponseChunks = AsyncIterable<ResponseChunk> | Iterable<ResponseChunk>;
export interface ResponseChunk {
  responses: SurveyResponseInput[];
  problems: FieldProblem[];
}

/** Where a submission's responses go, and what they are checked against. */
interface Into {
  wave: SurveyWaveEntity;
  batchId: string;
  submittedBy: string;
  items: SurveyItemEntity[];
  units: Set<string>;
}

/** The line a problem names ("line 12: …"), 0 when none. */
const lineOf = (p: FieldProblem) => Number(/^line (\d+)/.exec(p.message)?.[1] ?? 0);

/** How many responses the rest of the chunks hold (a batch seen before is read to the end only to say so). */
async function countResponses(chunks: ResponseChunks): Promise<number> {
  let n = 0;
  for await (const chunk of chunks) n += chunk.responses.length;
  return n;
}

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** What a respondent gives through a survey link: everything but the unit (the link's) and the client id (the form's). */
export type LinkAnswer = Omit<SurveyResponseInput, 'unitId' | 'clientId'>;

/** Rows per INSERT of a batch: small enough that preparing the next overlaps inserting this one. */
const INSERT_CHUNK = 2_000;

/** One chunk of responses, as one array parameter per column; retries (the same clientId) are skipped. */
const INSERT_RESPONSES = `WITH ins AS (
   INSERT INTO survey_response (wave_id, batch_id, unit_id, category, tenure_band, panel_hash, client_id, answers, scores, record_key, submitted_by)
   SELECT $1, $11, r.unit_id, r.category, r.tenure_band, r.panel_hash, r.client_id, r.answers::real[], r.scores::float8[], r.record_key, $2
     FROM unnest($3::uuid[], $4::respondent_category[], $5::tenure_band[], $6::varchar[], $7::uuid[], $8::text[], $9::text[], $10::int[])
          AS r(unit_id, category, tenure_band, panel_hash, client_id, answers, scores, record_key)
   ON CONFLICT ON CONSTRAINT uq_survey_response_client_id DO NOTHING
   RETURNING 1)
 SELECT count(*)::int AS n FROM ins`;

@Injectable()
export class SurveyService {
  private readonly panelSecret: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.panelSecret = resolveSecret(config.auth.panelKeySecret, config.database.dataDir, 'panel-key-secret');
  }

  // ---------------------------------------------------------------- instruments

  listInstruments(): Promise<SurveyInstrumentEntity[]> {
    return this.ds.getRepository(SurveyInstrumentEntity).find({ order: { name: 'ASC', version: 'ASC' } });
  }

  /** Instruments never change: a new one with an existing name becomes that name's next version. */
  async createInstrument(actor: AuthUser, input: CreateSurveyInstrumentInput): Promise<SurveyInstrumentEntity> {
    const problems = input.items.flatMap((item, i) => {
      const field = `input.items.${i}`;
      if (item.scale === ScaleKind.LIKERT_5 && (!item.labelsSv || !item.labelsEn)) {
        return [{ field: `${field}.labelsSv`, message: 'a LIKERT_5 item needs five labels in Swedish and English' }];
      }
      if (item.scale === ScaleKind.NUMBER && (item.min === undefined || item.max === undefined || item.max <= item.min)) {
        return [{ field: `${field}.max`, message: 'a NUMBER item needs min and max, with max > min' }];
      }
      return [];
    });
    const codes = input.items.map((i) => i.code.toUpperCase());
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dup >= 0) problems.push({ field: `input.items.${dup}.code`, message: 'is used by another item' });
    if (problems.length) throw invalid(problems);

    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'createSurveyInstrument',
        input,
        () => this.insertInstrument(em, actor, input),
        (id) => em.getRepository(SurveyInstrumentEntity).findOneBy({ id }),
      ),
    );
  }

  private async insertInstrument(em: EntityManager, actor: AuthUser, input: CreateSurveyInstrumentInput): Promise<SurveyInstrumentEntity> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`survey_instrument:${input.name}`]);
    const [{ next }] = await em.query('SELECT coalesce(max(version), 0) + 1 AS next FROM survey_instrument WHERE name = $1', [input.name]);
    const repo = em.getRepository(SurveyInstrumentEntity);
    const instrument = await repo.save(
      repo.create({
        name: input.name,
        description: input.description,
        introductionSv: input.introductionSv ?? '',
        introductionEn: input.introductionEn ?? '',
        version: next,
        createdBy: actor.id,
      }),
    );
    await em.getRepository(SurveyItemEntity).insert(
      input.items.map((item, i) => ({
        instrumentId: instrument.id,
        position: i + 1,
        code: item.code,
        textSv: item.textSv,
        textEn: item.textEn,
        dimension: item.dimension,
        scale: item.scale,
        labelsSv: item.scale === ScaleKind.LIKERT_5 ? item.labelsSv! : [],
        labelsEn: item.scale === ScaleKind.LIKERT_5 ? item.labelsEn! : [],
        min: item.scale === ScaleKind.NUMBER ? item.min! : null,
        max: item.scale === ScaleKind.NUMBER ? item.max! : null,
        reverseScored: item.reverseScored,
      })),
    );
    await this.audit.record(em, actor, {
      entity: AuditEntity.SURVEY_INSTRUMENT,
      entityId: instrument.id,
      action: AuditAction.CREATE,
      before: null,
      after: { ...instrument, items: input.items.map((i) => i.code) },
    });
    return instrument;
  }

  // ---------------------------------------------------------------- responses

  /**
   * Stores a batch of anonymous responses, all or none. Every bad row is reported (its line,
   * 1-based, and why) and nothing is stored. Responses whose clientId was already stored for the
   * wave are skipped, so a retried batch stores nothing twice.
   */
  /**
   * `opts.asOf` replaces today's date when deciding whether the wave is open: only for loading
   * historical data from the command line (seed-demo, benchmarks); the API never passes it.
   * `opts.uploadKey` identifies a CSV upload (its Idempotency-Key or its bytes); a batch's
   * `clientId` does the same for a call. A batch seen before stores nothing and says so.
   */
  async submit(actor: AuthUser, input: SubmitSurveyResponsesInput, opts: SubmitOptions = {}): Promise<SubmitResult> {
    const uploadKey = opts.uploadKey ?? (input.clientId ? sha256(`client:${input.clientId}`) : undefined);
    const chunks = function* () {
      for (let i = 0; i < input.responses.length; i += INSERT_CHUNK) yield { responses: input.responses.slice(i, i + INSERT_CHUNK), problems: [] };
    };
    return this.submitChunks(actor, input.waveId, chunks(), { ...opts, uploadKey });
  }

  /**
   * `submit` for responses that arrive in chunks (a CSV file as it is parsed), each with the
   * problems of its rows' shape: a chunk is stored while the next is read, until a problem is
   * found; then the rest is only checked, so that every bad row is named, and nothing is stored.
   * Shape problems are reported with `opts.shapeError` (with the rows' answers out of range).
   */
  async submitChunks(actor: AuthUser, waveId: string, chunks: ResponseChunks, opts: SubmitOptions = {}): Promise<SubmitResult> {
    const uploadKey = opts.uploadKey ?? null;
    return this.ds.transaction(async (em) => {
      const wave = await em.getRepository(SurveyWaveEntity).findOne({ where: { id: waveId }, lock: { mode: 'pessimistic_read' } });
      if (!wave) throw notFound('Survey wave', waveId);
      const allowedUnits = await this.access.unitsToSubmitFor(actor, wave.id, em);
      if (!allowedUnits.size) throw notFound('Survey wave', waveId);
      const seen = async (batchId: string) => {
        const received = await countResponses(chunks);
        return { received, stored: 0, duplicates: received, batchId, alreadySubmitted: true };
      };
      const earlier = uploadKey ? await this.batchByKey(em, wave.id, uploadKey) : null;
      if (earlier) return seen(earlier);
      await this.assertOpen(em, wave, opts.asOf);
      const items = await this.itemsOf(em, wave);

      // The batch first (responses point to it); a concurrent twin of the same upload waits here
      // for the first to commit, then finds it.
      const [batch]: { id: string }[] = await em.query(
        `INSERT INTO survey_batch (wave_id, source, response_count, submitted_by, upload_key) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT ON CONSTRAINT uq_survey_batch_upload_key DO NOTHING RETURNING id`,
        [wave.id, opts.source ?? SurveyBatchSource.API, actor.id, uploadKey],
      );
      if (!batch) return seen((await this.batchByKey(em, wave.id, uploadKey!))!);

      const { received, stored } = await this.storeChunks(em, { wave, batchId: batch.id, submittedBy: actor.id, items, units: allowedUnits }, chunks, opts);
      if (!stored) {
        // Every response was a retry of one stored before: no batch of nothing.
        await em.query('DELETE FROM survey_batch WHERE id = $1', [batch.id]);
        return { received, stored, duplicates: received, batchId: null, alreadySubmitted: false };
      }
      await em.query('UPDATE survey_batch SET response_count = $2 WHERE id = $1', [batch.id, stored]);
      const [{ n }] = await em.query('SELECT count(*)::int AS n FROM survey_response WHERE wave_id = $1', [wave.id]);
      // Counts only: survey answers are never copied into the audit trail.
      await this.audit.record(
        em,
        actor,
        { entity: AuditEntity.SURVEY_WAVE, entityId: wave.id, action: AuditAction.UPDATE, before: { responses: n - stored }, after: { responses: n } },
        {
          entity: AuditEntity.SURVEY_BATCH,
          entityId: batch.id,
          action: AuditAction.CREATE,
          before: null,
          after: { waveId: wave.id, source: opts.source ?? SurveyBatchSource.API, responseCount: stored },
        },
      );
      return { received, stored, duplicates: received - stored, batchId: batch.id, alreadySubmitted: false };
    });
  }

  /**
   * Checks each chunk and inserts it while the next is read and prepared (a pipeline: the
   * connection runs the statements in order, at most two chunks are in flight, and the
   * transaction keeps it all or nothing). After the first problem it only checks.
   */
  private async storeChunks(em: EntityManager, into: Into, chunks: ResponseChunks, opts: SubmitOptions): Promise<{ received: number; stored: number }> {
    const score = responseScorer(into.items);
    const shape: FieldProblem[] = [];
    const rules: FieldProblem[] = [];
    const inserts: Promise<{ n: number } | { failed: unknown }>[] = [];
    let received = 0;
    for await (const chunk of chunks) {
      chunk.responses.forEach((r, k) => rules.push(...this.rowProblems(r, received + k, opts.firstLine ?? 1, into.items, into.units, into.wave)));
      received += chunk.responses.length;
      shape.push(...chunk.problems);
      if (shape.length || rules.length) continue;
      inserts.push(
        // Settled at once: a failed chunk must not be an unhandled rejection while the next is read.
        this.insertChunk(em, into, score, chunk.responses).then(
          (n) => ({ n }),
          (failed: unknown) => ({ failed }),
        ),
      );
      const before = inserts.length > 1 ? await inserts[inserts.length - 2] : undefined;
      if (before && 'failed' in before) throw before.failed; // the transaction then rolls back
      // Let the statement go out before the next chunk is read.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (shape.length) {
      // Every bad line at once: the answers out of range as well, in line order.
      const all = [...shape, ...rules.filter((p) => p.field.includes('.answers.'))].sort((a, b) => lineOf(a) - lineOf(b));
      throw opts.shapeError ? opts.shapeError(all) : invalid(all, received);
    }
    if (rules.length) throw invalid(rules, received);
    let stored = 0;
    for (const result of await Promise.all(inserts)) {
      if ('failed' in result) throw result.failed; // the first failure; the transaction then rolls back
      stored += result.n;
    }
    return { received, stored };
  }

  /**
   * One response through a survey link (the public form): validated and scored like any other,
   * stored in the link's batch of the day, for the link's unit. A retried form (the same formId)
   * stores nothing again. Not audited one by one: an audit entry is timed to the second, and one
   * per response would date each answer; the day's batch holds the count.
   */
  async submitThroughLink(
    link: { id: string; waveId: string; unitId: string; createdBy: string },
    formId: string,
    response: LinkAnswer,
  ): Promise<{ stored: boolean }> {
    return this.ds.transaction(async (em) => {
      const wave = await em.getRepository(SurveyWaveEntity).findOne({ where: { id: link.waveId }, lock: { mode: 'pessimistic_read' } });
      if (!wave) throw notFound('Survey wave', link.waveId);
      await this.assertOpen(em, wave);
      const items = await this.itemsOf(em, wave);
      const row = { ...response, unitId: link.unitId, clientId: formId };
      const problems = this.rowProblems(row, 0, 1, items, new Set([link.unitId]), wave);
      if (problems.length) throw invalid(problems, 1);
      // The link's batch of today (UTC), made by the first answer of the day.
      const [batch]: { id: string }[] = await em.query(
        `INSERT INTO survey_batch (wave_id, source, response_count, submitted_by, link_id, created_at)
         VALUES ($1, 'LINK', 0, $2, $3, date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
         ON CONFLICT (link_id, created_at) WHERE link_id IS NOT NULL AND withdrawn_at IS NULL
         DO UPDATE SET response_count = survey_batch.response_count RETURNING id`,
        [wave.id, link.createdBy, link.id],
      );
      const into = { wave, batchId: batch.id, submittedBy: link.createdBy, items, units: new Set([link.unitId]) };
      const stored = await this.insertChunk(em, into, responseScorer(items), [row]);
      if (stored) await em.query('UPDATE survey_batch SET response_count = response_count + $2 WHERE id = $1', [batch.id, stored]);
      return { stored: stored > 0 };
    });
  }

  /** Refuses a wave that is not open on `asOf` (today unless given), naming its dates. */
  private async assertOpen(em: EntityManager, wave: SurveyWaveEntity, asOf?: string): Promise<void> {
    const [{ open }] = await em.query(
      `SELECT (opens_on <= d AND d <= closes_on AND closed_at IS NULL) AS open
         FROM survey_wave, coalesce($2::date, current_date) AS d WHERE id = $1`,
      [wave.id, asOf ?? null],
    );
    if (!open) throw SurveyErrors.waveClosed(wave.label, wave.opensOn, wave.closesOn, wave.closedAt);
  }

  private itemsOf(em: EntityManager, wave: SurveyWaveEntity): Promise<SurveyItemEntity[]> {
    return em.getRepository(SurveyItemEntity).find({ where: { instrumentId: wave.instrumentId }, order: { position: 'ASC' } });
  }

  /**
   * Inserts validated responses into a batch in one statement (docs/architecture.md): a column per
   * parameter, unnested together; answers and scores travel as array literals ("{4,NULL,2}").
   * A response whose clientId the wave already holds is skipped. Returns how many were stored.
   */
  private async insertChunk(em: EntityManager, into: Into, score: ReturnType<typeof responseScorer>, chunk: SurveyResponseInput[]): Promise<number> {
    const rows: { n: number }[] = await em.query(INSERT_RESPONSES, [
      into.wave.id,
      into.submittedBy,
      chunk.map((r) => r.unitId),
      chunk.map((r) => r.category),
      chunk.map((r) => r.tenureBand ?? null),
      chunk.map((r) => (r.panelKey ? panelHash(this.panelSecret, into.wave.pilotId, r.panelKey) : null)),
      chunk.map((r) => r.clientId ?? null),
      chunk.map((r) => numberArrayLiteral(r.answers)),
      chunk.map((r) => numberArrayLiteral(score(r.answers))),
      chunk.map(() => newRecordKey()),
      into.batchId,
    ]);
    return rows[0].n;
  }

  private async batchByKey(em: EntityManager, waveId: string, uploadKey: string): Promise<string | null> {
    const [row]: { id: string }[] = await em.query('SELECT id FROM survey_batch WHERE wave_id = $1 AND upload_key = $2', [waveId, uploadKey]);
    return row?.id ?? null;
  }

  /** Withdraws a whole batch (admins), with a reason: its responses leave every result and count at once. */
  withdrawBatch(actor: AuthUser, input: CorrectSurveyBatchInput): Promise<SurveyBatchEntity> {
    return this.changeBatch(actor, input, true);
  }

  /** Brings a withdrawn batch back, with a reason. */
  restoreBatch(actor: AuthUser, input: CorrectSurveyBatchInput): Promise<SurveyBatchEntity> {
    return this.changeBatch(actor, input, false);
  }

  private changeBatch(actor: AuthUser, input: CorrectSurveyBatchInput, withdraw: boolean): Promise<SurveyBatchEntity> {
    const { reason } = input;
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(SurveyBatchEntity);
      const batch = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!batch) throw notFound('Survey batch', input.id);
      if (!!batch.withdrawnAt === withdraw) return batch;
      const before = { ...batch };
      Object.assign(batch, withdrawal(withdraw, actor.id, reason));
      const saved = await repo.save(batch);
      const action = withdraw ? AuditAction.DELETE : AuditAction.RESTORE;
      await this.audit.record(em, actor, { entity: AuditEntity.SURVEY_BATCH, entityId: saved.id, action, before, after: saved, reason });
      return saved;
    });
  }

  /** A wave's batches, newest first: admins all, others the ones they submitted. */
  async batches(actor: AuthUser, waveIds: readonly string[]): Promise<SurveyBatchEntity[][]> {
    const qb = this.ds
      .getRepository(SurveyBatchEntity)
      .createQueryBuilder('b')
      .where('b.waveId IN (:...waveIds)', { waveIds })
      .orderBy('b.createdAt', 'DESC')
      .addOrderBy('b.id');
    const rows = await applyTo(qb, visibleBatches(actor, 'b')).getMany();
    return waveIds.map((id) => rows.filter((b) => b.waveId === id));
  }

  /** The item codes of a wave the caller may see, in answer order (the CSV's item columns). */
  async waveItemCodes(actor: AuthUser, waveId: string): Promise<string[]> {
    const qb = this.ds.getRepository(SurveyWaveEntity).createQueryBuilder('w').where('w.id = :waveId', { waveId });
    const wave = await applyTo(qb, visibleWaves(actor, 'w.id')).getOne();
    if (!wave) throw notFound('Survey wave', waveId);
    const items = await this.ds.getRepository(SurveyItemEntity).find({ where: { instrumentId: wave.instrumentId }, order: { position: 'ASC' } });
    return items.map((i) => i.code);
  }

  /** The wave's units the caller may submit responses for, with their names (a CSV may name them). */
  async waveUnits(actor: AuthUser, waveId: string): Promise<WaveUnit[]> {
    const ids = [...(await this.access.unitsToSubmitFor(actor, waveId))];
    if (!ids.length) return [];
    return this.ds.query('SELECT id, name FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY name', [ids]);
  }

  /** Responses per wave, without withdrawn batches. */
  async responseCounts(waveIds: readonly string[]): Promise<number[]> {
    const rows: { wave_id: string; n: number }[] = await this.ds.query(
      `SELECT sr.wave_id, count(*)::int AS n FROM survey_response sr JOIN survey_batch sb ON sb.id = sr.batch_id AND sb.withdrawn_at IS NULL
        WHERE sr.wave_id = ANY($1) GROUP BY sr.wave_id`,
      [waveIds],
    );
    const map = new Map(rows.map((r) => [r.wave_id, r.n]));
    return waveIds.map((id) => map.get(id) ?? 0);
  }

  private rowProblems(
    r: SurveyResponseInput,
    i: number,
    firstLine: number,
    items: SurveyItemEntity[],
    units: Set<string>,
    wave: Pick<SurveyWaveEntity, 'respondentCategories' | 'asksTenureBand'>,
  ): FieldProblem[] {
    const line = i + firstLine;
    const field = `input.responses.${i}`;
    const problems: FieldProblem[] = [];
    if (!units.has(r.unitId)) problems.push({ field: `${field}.unitId`, message: `line ${line}: the wave does not target this unit (or it is not yours)` });
    if (wave.respondentCategories && !wave.respondentCategories.includes(r.category)) {
      problems.push({ field: `${field}.category`, message: `line ${line}: the wave asks only ${wave.respondentCategories.join(', ')}` });
    }
    if (!wave.asksTenureBand && r.tenureBand) problems.push({ field: `${field}.tenureBand`, message: `line ${line}: the wave does not ask for a tenure band` });
    if (r.answers.length !== items.length) {
      problems.push({ field: `${field}.answers`, message: `line ${line}: ${r.answers.length} answers for ${items.length} items` });
      return problems;
    }
    r.answers.forEach((value, j) => {
      if (value === null) return;
      const item = items[j];
      if (!answerFits(value, item)) {
        const range = item.scale === ScaleKind.LIKERT_5 ? 'a whole number from 1 to 5' : `a number from ${item.min} to ${item.max}`;
        // The submitted value is not echoed: error messages never repeat an answer.
        problems.push({ field: `${field}.answers.${j}`, message: `line ${line}: item ${item.code} must be ${range} or null` });
      }
    });
    return problems;
  }
}

function invalid(problems: FieldProblem[], rows?: number): DomainError {
  const lines = new Set(problems.map((p) => /^line (\d+)/.exec(p.message)?.[1]).filter(Boolean));
  return problemsError(rows ? `${lines.size} of ${rows} responses are invalid; nothing was stored` : `${problems.length} problem(s) in the input`, problems);
}

/** BAD_USER_INPUT with every problem in `extensions.fields`, and the first 20 after `head` in the message. */
export function problemsError(head: string, problems: FieldProblem[]): DomainError {
  const shown = problems.slice(0, 20).map((p) => p.message);
  return new DomainError('BAD_USER_INPUT', `${head}: ${shown.join('; ')}${problems.length > 20 ? '; …' : ''}`, problems);
}
