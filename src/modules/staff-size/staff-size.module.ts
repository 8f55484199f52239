import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { StaffSizeLoaders } from './staff-size.loaders';
import { OrganisationStaffSizeResolver, StaffSizeResolver } from './staff-size.resolver';
import { StaffSizeService } from './staff-size.service';

/** Unit staff sizes: a plausibility bound for burden reports, and the analysts' denominator. */
@Module({
  imports: [OrganisationModule],
  providers: [StaffSizeService, StaffSizeLoaders, StaffSizeResolver, OrganisationStaffSizeResolver],
  exports: [StaffSizeService],
})
export class StaffSizeModule {}
