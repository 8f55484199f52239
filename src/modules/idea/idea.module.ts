import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { IdeaResolver } from './idea.resolver';
import { IdeaService } from './idea.service';

/** The idea bank (issue 13 §3). */
@Module({ imports: [OrganisationModule, PilotModule, AuditModule], providers: [IdeaService, IdeaResolver], exports: [IdeaService] })
export class IdeaModule {}
