import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { UserModule } from '../user/user.module';
import { PilotLoaders } from './pilot.loaders';
import { PilotParticipantResolver, PilotResearcherResolver, PilotResolver } from './pilot.resolver';
import { PilotService } from './pilot.service';

@Module({
  imports: [OrganisationModule, UserModule],
  providers: [PilotService, PilotLoaders, PilotResolver, PilotParticipantResolver, PilotResearcherResolver],
  exports: [PilotService, PilotLoaders],
})
export class PilotModule {}
