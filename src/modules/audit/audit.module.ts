import { Global, Module } from '@nestjs/common';
import { UserLoaders } from '../user/user.loaders';
import { AuditLoaders } from './audit.loaders';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** Global: every feature that writes research data records it through AuditService, and shows a record's history through AuditLoaders. */
@Global()
@Module({ providers: [AuditService, AuditLoaders, AuditResolver, UserLoaders], exports: [AuditService, AuditLoaders] })
export class AuditModule {}
