import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role.enum';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { inReadSnapshot } from '../../database/read-snapshot';
import { AccessLogService } from '../analytics/access-log.service';
import { DiscretionService } from '../analytics/discretion.service';
import { DiscretionExportQuery, ExportQuery } from './dto/export.query';
import { burdenReportsSql, ExportSql, observationCodesSql, observationsSql, segmentsSql, timeThievesSql } from './export.sql';

/**
 * CSV exports (UTF-8, header row, long/tidy where a record has several codes), streamed from a
 * database cursor so that a million rows never sit in memory. Same authentication and scope as
 * the GraphQL queries; analysts' exports are logged.
 */
@Controller('export')
export class ExportController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly discretion: DiscretionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER)
  @Get('observations.csv')
  observations(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.stream(actor, 'observations', observationsSql(actor, q), q, res);
  }

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER)
  @Get('observation-codes.csv')
  observationCodes(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.stream(actor, 'observation-codes', observationCodesSql(actor, q), q, res);
  }

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER)
  @Get('segments.csv')
  segments(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.stream(actor, 'segments', segmentsSql(actor, q), q, res);
  }

  @Get('burden-reports.csv')
  burdenReports(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.stream(actor, 'burden-reports', burdenReportsSql(actor, q), q, res);
  }

  @Get('time-thieves.csv')
  timeThieves(@CurrentUser() actor: AuthUser, @Query() q: ExportQuery, @Res() res: Response) {
    return this.stream(actor, 'time-thieves', timeThievesSql(actor, q), q, res);
  }

  /** Aggregated (and suppressed) discretion results, one row per measure and group. */
  @Get('discretion.csv')
  async discretionResults(@CurrentUser() actor: AuthUser, @Query() q: DiscretionExportQuery, @Res() res: Response) {
    const rows = await this.discretion.results(actor, { pilotIds: [q.pilotId], instrumentId: q.instrumentId, groupBy: q.groupBy ?? [] });
    this.csvHeaders(res, 'discretion');
    const columns = ['measure', 'measureKind', 'waveId', 'unitId', 'pilotId', 'category', 'tenureBand', 'n', 'mean', 'sd', 'ciLow', 'ciHigh', 'suppressed'];
    await pipeline(stringify(rows as unknown as Record<string, unknown>[], { header: true, columns, cast: { boolean: (v) => String(v) } }), res);
  }

  private async stream(actor: AuthUser, dataset: string, query: ExportSql, params: object, res: Response): Promise<void> {
    await this.accessLog.record(actor, `export:${dataset}`, params);
    await inReadSnapshot(this.ds, this.config.database.timeouts.exportMs, async (runner) => {
      const rows = await runner.stream(query.sql, query.values);
      this.csvHeaders(res, dataset);
      await pipeline(rows, stringify({ header: true, cast: { boolean: (v) => String(v), date: (d) => d.toISOString() } }), res);
    });
  }

  private csvHeaders(res: Response, dataset: string): void {
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${dataset}.csv"`);
  }
}
