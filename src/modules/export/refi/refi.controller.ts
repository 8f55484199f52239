import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsUUID } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/decorators';
import { Role } from '../../../common/auth/role.enum';
import { forbidden, notFound } from '../../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { inReadSnapshot } from '../../../database/read-snapshot';
import { AccessLogService } from '../../analytics/access-log.service';
import { codebookDocument } from './codebook';
import { RefiPilot, writeRefiProject } from './project-writer';
import { PILOT_SQL } from './refi.sql';
import { ZipSink } from './zip-sink';

class RefiProjectParams {
  @IsUUID('all', { message: 'pilotId must be a UUID' })
  pilotId: string;
}

const ORIGIN = 'Tillit Tracker';

/**
 * REFI-QDA exchange files (QDA-XML 1.0), for NVivo, ATLAS.ti, MAXQDA, QualCoder and others:
 * the framework as a codebook (`.qdc`), and a pilot's observations with their coded segments as
 * a project (`.qdpx`, a ZIP of `project.qde` and the texts under `Sources/`).
 */
@Controller('export/refi')
export class RefiController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The codebook alone; the framework is the same for everyone. */
  @Get('codebook.qdc')
  codebook(@Res() res: Response): void {
    res.status(200);
    res.setHeader('content-type', 'application/xml; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="tillit-framework.qdc"');
    res.end(codebookDocument(ORIGIN));
  }

  /** Researchers of the pilot, analysts and admins: those who may read its observations' text. */
  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER)
  @Get(':pilotId.qdpx')
  async project(@CurrentUser() actor: AuthUser, @Param() params: RefiProjectParams, @Res() res: Response): Promise<void> {
    await inReadSnapshot(this.ds, this.config.database.timeouts.exportMs, async (runner) => {
      const [pilot]: RefiPilot[] = await runner.query(PILOT_SQL, [params.pilotId]);
      if (!pilot) throw notFound('Pilot', params.pilotId);
      if (actor.role === Role.RESEARCHER) {
        const follows = await runner.query('SELECT 1 FROM pilot_researcher WHERE pilot_id = $1 AND user_id = $2', [pilot.id, actor.id]);
        if (!follows.length) throw forbidden('Only researchers of this pilot, analysts and admins may export its observations');
      }
      await this.accessLog.record(actor, 'export:refi', { pilotId: pilot.id });
      res.status(200);
      res.setHeader('content-type', 'application/zip');
      res.setHeader('content-disposition', `attachment; filename="${pilot.code.replace(/[^A-Za-z0-9._-]+/g, '_')}.qdpx"`);
      await writeRefiProject(runner, new ZipSink(res), pilot, actor.id, ORIGIN);
    });
  }
}
