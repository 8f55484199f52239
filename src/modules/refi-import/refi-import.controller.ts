import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { Allow } from '../access/permissions';
import { RefiImportReport } from './dto/refi-import.report';
import { RefiImportService } from './refi-import.service';

/** POST a `.qdpx` coded in another QDA tool: transport only (RefiImportService). */
@Controller('import/refi')
export class RefiImportController {
  constructor(private readonly imports: RefiImportService) {}

  @Allow('observations.write')
  @Post(':pilotId')
  @HttpCode(200)
  upload(
    @CurrentUser() actor: AuthUser,
    @Param('pilotId', new ParseUUIDPipe()) pilotId: string,
    @Body() body: unknown,
    @Query('dryRun') dryRun?: string,
  ): Promise<RefiImportReport> {
    if (!Buffer.isBuffer(body) || !body.length)
      throw new DomainError('BAD_USER_INPUT', 'Send the .qdpx file as the request body with Content-Type: application/zip', [
        { field: 'file', message: 'send the .qdpx file as the body, Content-Type: application/zip' },
      ]);
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw new DomainError('BAD_USER_INPUT', 'dryRun: must be true or false', [{ field: 'dryRun', message: 'must be true or false' }]);
    return this.imports.import(actor, pilotId, body, dryRun === 'true');
  }
}
