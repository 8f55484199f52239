import { Module } from '@nestjs/common';
import { ObservationModule } from '../observation/observation.module';
import { OwnCodeModule } from '../own-code/own-code.module';
import { RefiImportController } from './refi-import.controller';
import { RefiImportService } from './refi-import.service';

/** REFI-QDA projects coded in other tools, imported back (issue 14 §6). */
@Module({ imports: [ObservationModule, OwnCodeModule], providers: [RefiImportService], controllers: [RefiImportController] })
export class RefiImportModule {}
