import { Body, Controller, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import { SurveyCsvService } from './survey-csv.service';
import { SubmitResult } from './survey.service';

/** GET the CSV template of a wave, POST responses as CSV: transport only (SurveyCsvService). */
@Controller('surveys/waves/:waveId')
export class SurveyCsvController {
  constructor(private readonly csv: SurveyCsvService) {}

  @Allow('surveys.submit')
  @Get('template.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  template(@CurrentUser() actor: AuthUser, @Param('waveId', new ParseUUIDPipe()) waveId: string): Promise<string> {
    return this.csv.template(actor, waveId);
  }

  @Allow('surveys.submit')
  @Post('responses.csv')
  @HttpCode(200)
  upload(
    @CurrentUser() actor: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmitResult> {
    return this.csv.upload(actor, waveId, body, idempotencyKey);
  }
}
