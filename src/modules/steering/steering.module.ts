import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { IndicatorResolver, SteeringInstrumentResolver } from './steering.resolver';
import { SteeringLoaders } from './steering.loaders';
import { SteeringService } from './steering.service';

@Module({
  imports: [OrganisationModule],
  providers: [SteeringService, SteeringLoaders, SteeringInstrumentResolver, IndicatorResolver],
  exports: [SteeringLoaders, SteeringService],
})
export class SteeringModule {}
