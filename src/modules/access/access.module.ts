import { Global, Module } from '@nestjs/common';
import { AccessChecks } from './access.checks';

/**
 * Access has a room of its own, below every feature (docs/architecture.md, "Access control"):
 * the role table (permissions.ts), the read rules (access.rules.ts) and the write checks
 * (access.checks.ts). Global, so every feature asks it without importing it.
 */
@Global()
@Module({ providers: [AccessChecks], exports: [AccessChecks] })
export class AccessModule {}
