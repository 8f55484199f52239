import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PilotModule } from '../pilot/pilot.module';
import { UserModule } from '../user/user.module';
import { ObservationLoaders } from './observation.loaders';
import { CodedSegmentResolver, ObservationResolver, ObservationVersionResolver } from './observation.resolver';
import { ObservationService } from './observation.service';

@Module({
  imports: [OrganisationModule, PilotModule, UserModule],
  providers: [ObservationService, ObservationLoaders, ObservationResolver, ObservationVersionResolver, CodedSegmentResolver],
  exports: [ObservationService],
})
export class ObservationModule {}
