import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { UserLoaders } from './user.loaders';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({
  imports: [OrganisationModule],
  providers: [UserService, UserLoaders, UserResolver],
  exports: [UserService, UserLoaders],
})
export class UserModule {}
