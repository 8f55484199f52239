import { Global, Module } from '@nestjs/common';
import { UserLoaders } from '../user/user.loaders';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** Global: every feature that writes research data records it through AuditService. */
@Global()
@Module({ providers: [AuditService, AuditResolver, UserLoaders], exports: [AuditService] })
export class AuditModule {}
