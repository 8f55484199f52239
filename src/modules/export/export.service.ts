import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { inReadSnapshot } from '../../database/read-snapshot';
import { AccessLogService } from '../analytics/access-log.service';
import { DiscretionService } from '../analytics/discretion.service';
import { DiscretionExportQuery, ExportQuery } from './dto/export.query';
import { DATASETS, DatasetName } from './export.datasets';

/** Where a download goes: the HTTP response, told its type and name just before the first byte. */
export interface Download {
  begin(contentType: string, fileName: string): void;
  body: Writable;
}

const CSV = 'text/csv; charset=utf-8';
const cast = { boolean: (v: boolean) => String(v), date: (d: Date) => d.toISOString() };

/**
 * The CSV exports (UTF-8, a header row even when empty, long/tidy where a record has several
 * codes), streamed from a cursor in a read-only snapshot, so that a million rows never sit in
 * memory. Same rows as the GraphQL queries; analysts' exports are logged.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly discretion: DiscretionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async csv(actor: AuthUser, name: DatasetName, q: ExportQuery, out: Download): Promise<void> {
    const dataset = DATASETS[name];
    await this.accessLog.record(actor, `export:${dataset.name}`, q);
    const { sql, values } = dataset.query(actor, q, { hoursPerWeek: this.config.reporting.workingHoursPerWeek });
    await inReadSnapshot(this.ds, this.config.database.timeouts.exportMs, async (runner) => {
      const rows = await runner.stream(sql, values);
      out.begin(CSV, `${dataset.name}.csv`);
      await pipeline(rows, stringify({ header: true, columns: dataset.columns, cast }), out.body);
    });
  }

  /** Aggregated (and disclosure-controlled) discretion results, one row per measure and group. */
  async discretionCsv(actor: AuthUser, q: DiscretionExportQuery, out: Download): Promise<void> {
    const rows = await this.discretion.results(actor, { pilotIds: [q.pilotId], instrumentId: q.instrumentId, groupBy: q.groupBy ?? [] });
    const columns = ['measure', 'measureKind', 'waveId', 'unitId', 'pilotId', 'category', 'tenureBand', 'n', 'mean', 'sd', 'ciLow', 'ciHigh', 'suppressed'];
    out.begin(CSV, 'discretion.csv');
    await pipeline(Readable.from(rows), stringify({ header: true, columns, cast }), out.body);
  }
}
