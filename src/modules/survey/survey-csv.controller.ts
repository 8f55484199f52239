import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { Allow } from '../access/permissions';
import { decodeCsv, FIXED_COLUMNS, parseResponsesCsv } from './survey-csv';
import { SubmitResult, SurveyService } from './survey.service';

/**
 * Survey responses as a CSV upload (the layout is in survey-csv.ts and docs/api.md), with the
 * same rules and answer as submitSurveyResponses: all rows or none, every bad line named.
 */
@Controller('surveys/waves/:waveId')
export class SurveyCsvController {
  constructor(private readonly surveyService: SurveyService) {}

  @Allow('surveys.submit')
  @Get('template.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async template(@CurrentUser() actor: AuthUser, @Param('waveId', new ParseUUIDPipe()) waveId: string): Promise<string> {
    return [...FIXED_COLUMNS, ...(await this.surveyService.waveItemCodes(actor, waveId))].join(',') + '\n';
  }

  @Allow('surveys.submit')
  @Post('responses.csv')
  @HttpCode(200)
  async upload(
    @CurrentUser() actor: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() body: unknown,
  ): Promise<SubmitResult> {
    if (!Buffer.isBuffer(body)) throw new DomainError('BAD_USER_INPUT', 'Send the CSV as the request body with Content-Type: text/csv');
    const decoded = decodeCsv(body);
    const { responses, problems } = decoded.problems.length
      ? { responses: [], problems: decoded.problems }
      : parseResponsesCsv(decoded.text, await this.surveyService.waveItemCodes(actor, waveId));
    if (problems.length) {
      const head = `${problems.length} problem(s) in the CSV; nothing was stored`;
      throw new DomainError('BAD_USER_INPUT', `${head}: ${problems.slice(0, 20).map((p) => p.message).join('; ')}`, problems);
    }
    if (!responses.length) throw new DomainError('BAD_USER_INPUT', 'The CSV has a header but no responses');
    if (responses.length > 10_000) throw new DomainError('BAD_USER_INPUT', `At most 10000 responses per upload, not ${responses.length}`);
    return this.surveyService.submit(actor, { waveId, responses }, 2);
  }
}
