import { Module } from '@nestjs/common';
import { BurdenBatchWriter } from './burden-batch';
import { OrganisationModule } from '../organisation/organisation.module';
import { SteeringModule } from '../steering/steering.module';
import { BurdenLoaders } from './burden.loaders';
import { BurdenResolver } from './burden.resolver';
import { BurdenPlausibility } from './burden.plausibility';
import { BurdenService } from './burden.service';

@Module({
  imports: [OrganisationModule, SteeringModule],
  providers: [BurdenService, BurdenBatchWriter, BurdenPlausibility, BurdenLoaders, BurdenResolver],
  exports: [BurdenService],
})
export class BurdenModule {}
