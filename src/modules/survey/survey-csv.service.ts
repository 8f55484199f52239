import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, FieldProblem } from '../../common/errors/domain-error';
import { MAX_BATCH } from './dto/survey.input';
import { SurveyBatchSource } from './survey-batch.entity';
import { decodeCsv, FIXED_COLUMNS, parseResponsesCsv } from './survey-csv';
import { sha256, SubmitResult, SurveyService } from './survey.service';

const lineOf = (p: FieldProblem) => Number(/^line (\d+)/.exec(p.message)?.[1] ?? 0);

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
    const { responses, problems } = decoded.problems.length
      ? { responses: [], problems: decoded.problems }
      : parseResponsesCsv(decoded.text, await this.surveys.waveItemCodes(actor, waveId), await this.surveys.waveUnits(actor, waveId));
    if (problems.length && responses.length) {
      // Every bad line at once: the answers out of range as well, in line order.
      problems.push(...(await this.surveys.answerProblems(actor, waveId, responses, 2)));
      problems.sort((a, b) => lineOf(a) - lineOf(b));
    }
    if (problems.length) {
      const head = `${problems.length} problem(s) in the CSV; nothing was stored`;
      throw new DomainError(
        'BAD_USER_INPUT',
        `${head}: ${problems
          .slice(0, 20)
          .map((p) => p.message)
          .join('; ')}`,
        problems,
      );
    }
    if (!responses.length) throw new DomainError('BAD_USER_INPUT', 'The CSV has a header but no responses');
    if (responses.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `At most ${MAX_BATCH} responses per upload, not ${responses.length}`);
    const uploadKey = sha256(idempotencyKey ? `key:${idempotencyKey}` : Buffer.concat([Buffer.from('file:'), body]));
    return this.surveys.submit(actor, { waveId, responses }, { firstLine: 2, source: SurveyBatchSource.CSV, uploadKey });
  }
}
