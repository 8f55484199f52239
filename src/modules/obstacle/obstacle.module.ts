import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { SteeringModule } from '../steering/steering.module';
import { ObstacleResolver } from './obstacle.resolver';
import { ObstacleService } from './obstacle.service';

/** Obstacles in the pilots (issue 13 §1): hinder, their causes, proposals and status history. */
@Module({
  imports: [OrganisationModule, PilotModule, SteeringModule, AuditModule],
  providers: [ObstacleService, ObstacleResolver],
  exports: [ObstacleService],
})
export class ObstacleModule {}
