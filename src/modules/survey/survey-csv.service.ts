import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, FieldProblem } from '../../common/errors/domain-error';
import { MAX_BATCH } from './dto/survey.input';
import { SurveyBatchSource } from './survey-batch.entity';
import { decodeCsv, FIXED_COLUMNS, responseChunks } from './survey-csv';
import { problemsError, ResponseChunk, sha256, SubmitResult, SurveyService } from './survey.service';

/**
 * Survey responses as a CSV file (the layout is in survey-csv.ts and docs/api.md), with the same
 * rules and answer as submitSurveyResponses: all rows or none, every bad line named. An upload is
 * a batch, recognised by its Idempotency-Key or, without one, by its bytes: the same file sent
 * twice stores its rows once.
 */
@Injectable()
export class SurveyCsvService {
  constructor(private readonly surveys: SurveyService) {}

  async template(actor: AuthUser, waveId: string): Promise<string> {
    return [...FIXED_COLUMNS, ...(await this.surveys.waveItemCodes(actor, waveId))].join(',') + '\n';
  }

  async upload(actor: AuthUser, waveId: string, body: unknown, idempotencyKey: string | undefined): Promise<SubmitResult> {
    if (!Buffer.isBuffer(body)) throw new DomainError('BAD_USER_INPUT', 'Send the CSV as the request body with Content-Type: text/csv');
    const decoded = decodeCsv(body);
    if (decoded.problems.length) throw csvProblems(decoded.problems);
    const reader = responseChunks(decoded.text, await this.surveys.waveItemCodes(actor, waveId), await this.surveys.waveUnits(actor, waveId), CSV_CHUNK);
    // The first chunk before anything is stored: a file that is empty, no CSV or has a wrong header is refused at once.
    const first = await reader.next();
    if (first.done || (!first.value.responses.length && !first.value.problems.length)) {
      throw new DomainError('BAD_USER_INPUT', 'The CSV has a header but no responses');
    }
    if (!first.value.responses.length) throw csvProblems(first.value.problems);
    const uploadKey = sha256(idempotencyKey ? `key:${idempotencyKey}` : Buffer.concat([Buffer.from('file:'), body]));
    return this.surveys.submitChunks(actor, waveId, atMost(MAX_BATCH, first.value, reader), {
      firstLine: 2,
      source: SurveyBatchSource.CSV,
      uploadKey,
      shapeError: csvProblems,
    });
  }
}

/** Rows per chunk: parsed and checked while the chunk before is stored. */
const CSV_CHUNK = 2_000;

/** Every bad line of a file, and that nothing was stored. */
const csvProblems = (problems: FieldProblem[]) => problemsError(`${problems.length} problem(s) in the CSV; nothing was stored`, problems);

/** The chunks (the first one already read), refusing a file of more than `max` responses as soon as it has them. */
async function* atMost(max: number, first: ResponseChunk, rest: AsyncIterator<ResponseChunk>): AsyncGenerator<ResponseChunk> {
  let n = 0;
  for (let chunk: ResponseChunk | undefined = first; chunk; chunk = await rest.next().then((r) => (r.done ? undefined : r.value))) {
    n += chunk.responses.length;
    if (n > max) throw new DomainError('BAD_USER_INPUT', `At most ${max} responses per upload: split the file`);
    yield chunk;
  }
}
