import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { SteeringModule } from '../steering/steering.module';
import { TimeThiefLoaders } from './time-thief.loaders';
import { TimeThiefResolver } from './time-thief.resolver';
import { TimeThiefService } from './time-thief.service';

@Module({ imports: [OrganisationModule, SteeringModule], providers: [TimeThiefService, TimeThiefLoaders, TimeThiefResolver], exports: [TimeThiefService] })
export class TimeThiefModule {}
