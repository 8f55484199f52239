import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser } from '../../../common/auth/decorators';
import { Allow } from '../../access/permissions';
import { AccessLogService } from '../../analytics/access-log.service';
import { download } from '../../export/download';
import type { DocLang } from './labels';
import { reportDocx, summaryDocx } from './report-docx';
import { ReportDocumentService } from './report-document.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

class ReportDocParams {
  @IsUUID('all', { message: 'pilotId must be a UUID' })
  pilotId: string;
}

class ReportDocQuery {
  @IsOptional()
  @IsIn(['sv', 'en'], { message: 'lang must be sv or en' })
  lang?: DocLang;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(100_000)
  version?: number;
}

/**
 * GET /export/reports/<pilotId>.docx (the pilot's newest version the reader may see, or
 * ?version=N) and /export/reports/summary.docx (the delegation's summary of the final
 * reports); ?lang=en for English headings. Transport only; the content is gathered within the
 * reader's scope by ReportDocumentService. Analysts' downloads go to the access log.
 */
@Controller('export/reports')
export class ReportExportController {
  constructor(
    private readonly documents: ReportDocumentService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Allow('observations.read')
  @Get('summary.docx')
  async summary(@CurrentUser() actor: AuthUser, @Query() q: ReportDocQuery, @Res() res: Response): Promise<void> {
    await this.accessLog.record(actor, 'export:reportSummary', q);
    const file = await summaryDocx(await this.documents.summary(actor), q.lang ?? 'sv');
    this.send(res, file, 'sammanstallning.docx');
  }

  @Allow('observations.read')
  @Get(':pilotId.docx')
  async report(@CurrentUser() actor: AuthUser, @Param() params: ReportDocParams, @Query() q: ReportDocQuery, @Res() res: Response): Promise<void> {
    await this.accessLog.record(actor, 'export:report', { pilotId: params.pilotId, ...q });
    const doc = await this.documents.report(actor, params.pilotId, q.version);
    const file = await reportDocx(doc, q.lang ?? 'sv');
    this.send(res, file, `utvardering-${doc.pilot.code.replace(/[^A-Za-z0-9_-]/g, '_')}-v${doc.report.number}.docx`);
  }

  private send(res: Response, file: Buffer, name: string): void {
    const out = download(res);
    out.begin(DOCX, name);
    out.body.end(file);
  }
}
