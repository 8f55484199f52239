import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { SteeringModule } from '../steering/steering.module';
import { SupervisionLoaders } from './supervision.loaders';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

/** Supervisory contacts (tillsyn, issue 13 §4). Their load over time is in analytics (supervisionLoad). */
@Module({
  imports: [OrganisationModule, SteeringModule, AuditModule],
  providers: [SupervisionService, SupervisionResolver, SupervisionLoaders],
  exports: [SupervisionService, SupervisionLoaders],
})
export class SupervisionModule {}
