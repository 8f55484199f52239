import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { notFound } from '../../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { inReadSnapshot } from '../../../database/read-snapshot';
import { readableObservations, visibleOwnCodes, visiblePilots } from '../../access/access.rules';
import { AccessLogService } from '../../analytics/access-log.service';
import type { Download } from '../export.service';
import { codebookDocument } from './codebook';
import { RefiPilot, writeRefiProject } from './project-writer';
import { pilotQuery, refiQueries } from './refi.sql';
import { ZipSink } from './zip-sink';

const ORIGIN = 'Tillit Tracker';

/**
 * REFI-QDA exchange files (QDA-XML 1.0), for NVivo, ATLAS.ti, MAXQDA, QualCoder and others: the
 * framework as a codebook (`.qdc`), and a pilot's observations with their coded segments as a
 * project (`.qdpx`, a ZIP of `project.qde` and the texts under `Sources/`), holding exactly the
 * observations the caller may read (an empty project for a pilot whose observations they may not).
 */
@Injectable()
export class RefiService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The codebook alone; the framework is the same for everyone. */
  codebook(out: Download): void {
    out.begin('application/xml; charset=utf-8', 'tillit-framework.qdc');
    out.body.end(codebookDocument(ORIGIN));
  }

  async project(actor: AuthUser, pilotId: string, out: Download): Promise<void> {
    await inReadSnapshot(this.ds, this.config.database.timeouts.exportMs, async (runner) => {
      const q = pilotQuery(pilotId, visiblePilots(actor, 'p.id'));
      const [pilot]: RefiPilot[] = await runner.query(q.sql, q.values);
      if (!pilot) throw notFound('Pilot', pilotId);
      await this.accessLog.record(actor, 'export:refi', { pilotId: pilot.id });
      out.begin('application/zip', `${pilot.code.replace(/[^A-Za-z0-9._-]+/g, '_')}.qdpx`);
      const queries = refiQueries(pilot.id, actor.id, readableObservations(actor, 'o'), visibleOwnCodes(actor, 'c'));
      await writeRefiProject(runner, new ZipSink(out.body), pilot, queries, actor.id, ORIGIN);
    });
  }
}
