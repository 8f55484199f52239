import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { UserLoaders } from './user.loaders';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';
import { AccountService } from './account.service';

@Module({
  imports: [OrganisationModule],
  providers: [UserService, AccountService, UserLoaders, UserResolver],
  exports: [UserService, AccountService, UserLoaders],
})
export class UserModule {}
