import { Module } from '@nestjs/common';
import { OrganisationLoaders } from './organisation.loaders';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

@Module({
  providers: [OrganisationService, OrganisationLoaders, OrganisationResolver],
  exports: [OrganisationService, OrganisationLoaders],
})
export class OrganisationModule {}
