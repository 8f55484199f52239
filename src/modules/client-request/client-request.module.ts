import { Global, Module } from '@nestjs/common';
import { ClientRequests } from './client-requests.service';

/** Retry-safe creates (clientId), for every feature module. */
@Global()
@Module({ providers: [ClientRequests], exports: [ClientRequests] })
export class ClientRequestModule {}
