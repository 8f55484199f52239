import { Controller, Get, Param, Res } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser } from '../../../common/auth/decorators';
import { Allow } from '../../access/permissions';
import { download } from '../download';
import { RefiService } from './refi.service';

class RefiProjectParams {
  @IsUUID('all', { message: 'pilotId must be a UUID' })
  pilotId: string;
}

/** GET /export/refi/…: transport only; the files are RefiService's. */
@Controller('export/refi')
export class RefiController {
  constructor(private readonly refi: RefiService) {}

  @Get('codebook.qdc')
  codebook(@Res() res: Response): void {
    this.refi.codebook(download(res));
  }

  @Allow('observations.read')
  @Get(':pilotId.qdpx')
  project(@CurrentUser() actor: AuthUser, @Param() params: RefiProjectParams, @Res() res: Response): Promise<void> {
    return this.refi.project(actor, params.pilotId, download(res));
  }
}
