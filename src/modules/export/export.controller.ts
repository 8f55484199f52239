import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import { download } from './download';
import { DiscretionExportQuery, ExportQuery } from './dto/export.query';
import { ExportService } from './export.service';

/** GET /export/<dataset>.csv: transport only; the datasets and their rows are ExportService's. */
@Controller('export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Allow('observations.read')
  @Get('observations.csv')
  observations(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'observations', q, download(res));
  }

  @Allow('observations.read')
  @Get('observation-codes.csv')
  observationCodes(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'observationCodes', q, download(res));
  }

  @Allow('observations.read')
  @Get('segments.csv')
  segments(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'segments', q, download(res));
  }

  @Get('burden-reports.csv')
  burdenReports(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'burdenReports', q, download(res));
  }

  @Get('time-thieves.csv')
  timeThieves(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'timeThieves', q, download(res));
  }

  @Get('obstacles.csv')
  obstacles(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'obstacles', q, download(res));
  }

  @Allow('observations.read')
  @Get('effects.csv')
  effects(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'effects', q, download(res));
  }

  @Get('ideas.csv')
  ideas(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'ideas', q, download(res));
  }

  @Get('supervision.csv')
  supervision(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.exports.csv(actor, 'supervision', q, download(res));
  }

  @Allow('analytics.read')
  @Get('discretion.csv')
  discretion(@CurrentUser() actor: AuthUser, @Query() q: DiscretionExportQuery, @Res() res: Response) {
    return this.exports.discretionCsv(actor, q, download(res));
  }
}
