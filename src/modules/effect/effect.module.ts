import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PilotModule } from '../pilot/pilot.module';
import { EffectResolver } from './effect.resolver';
import { EffectService } from './effect.service';

/** Assessed effects of the pilots (issue 13 §2). */
@Module({ imports: [PilotModule, AuditModule], providers: [EffectService, EffectResolver], exports: [EffectService] })
export class EffectModule {}
