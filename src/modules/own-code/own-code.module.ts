import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ObservationModule } from '../observation/observation.module';
import { PilotModule } from '../pilot/pilot.module';
import { FrameworkCodesOwnCodesResolver, OwnCodeResolver } from './own-code.resolver';
import { OwnCodeLoaders } from './own-code.loaders';
import { OwnCodeService } from './own-code.service';

/** Researchers' own codes beside the framework (issue 14 §3). */
@Module({
  imports: [PilotModule, AuditModule, ObservationModule],
  providers: [OwnCodeService, OwnCodeLoaders, OwnCodeResolver, FrameworkCodesOwnCodesResolver],
  exports: [OwnCodeService],
})
export class OwnCodeModule {}
