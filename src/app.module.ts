import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { baseLogOptions } from './common/logging/log-options';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AllExceptionsFilter } from './common/graphql/exception.filter';
import { graphqlOptions } from './common/graphql/graphql.options';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AccessModule } from './modules/access/access.module';
import { ClientRequestModule } from './modules/client-request/client-request.module';
import { StaffSizeModule } from './modules/staff-size/staff-size.module';
import { ObligationModule } from './modules/obligation/obligation.module';
import { SurveyLinkModule } from './modules/survey-link/survey-link.module';
import { WebModule } from './web/web.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BurdenModule } from './modules/burden/burden.module';
import { ExportModule } from './modules/export/export.module';
import { FrameworkModule } from './modules/framework/framework.module';
import { HealthModule } from './modules/health/health.module';
import { ObservationModule } from './modules/observation/observation.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { PilotModule } from './modules/pilot/pilot.module';
import { SteeringModule } from './modules/steering/steering.module';
import { SurveyModule } from './modules/survey/survey.module';
import { TimeThiefModule } from './modules/time-thief/time-thief.module';
import { ObstacleModule } from './modules/obstacle/obstacle.module';
import { EffectModule } from './modules/effect/effect.module';
import { IdeaModule } from './modules/idea/idea.module';
import { OwnCodeModule } from './modules/own-code/own-code.module';
import { RefiImportModule } from './modules/refi-import/refi-import.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { ReportModule } from './modules/report/report.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { ReportDocumentModule } from './modules/report/document/report-document.module';
import { UserModule } from './modules/user/user.module';

/** Feature modules: a new capability is a new folder here (docs/adding-a-feature.md). */
export const FEATURE_MODULES: Type[] = [
  AccessModule,
  ClientRequestModule,
  AuditModule,
  FrameworkModule,
  OrganisationModule,
  UserModule,
  AuthModule,
  PilotModule,
  ObservationModule,
  SteeringModule,
  BurdenModule,
  StaffSizeModule,
  ObligationModule,
  TimeThiefModule,
  ObstacleModule,
  EffectModule,
  IdeaModule,
  OwnCodeModule,
  RefiImportModule,
  SupervisionModule,
  ReportModule,
  EvidenceModule,
  ReportDocumentModule,
  SurveyModule,
  SurveyLinkModule,
  AnalyticsModule,
  ExportModule,
  HealthModule,
  WebModule,
];

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Extra TypeORM logger (tests count queries with it). */
  queryLogger?: TypeOrmLogger;
  /** Where log lines go (default standard output); tests read the log from it. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, queryLogger, logStream }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              ...baseLogOptions(config.log.level),
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              serializers: {
                ...baseLogOptions(config.log.level).serializers,
                // A password link's token is a credential: its line shows the path without it.
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url.replace(/^\/inbjudan\/[^/?]+/, '/inbjudan/[hidden]'),
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              // Survey links' pages are never logged: their URLs hold the token, and a line per answer
              // would date it (docs/adr/0007-anonymous-survey-links.md).
              autoLogging: { ignore: (req) => /^\/(health|s\/)/.test(req.url ?? '') },
              // Our serializers see the raw error: pino-http would otherwise first copy every
              // property of it (SQL, parameters) with the standard serializer.
              wrapSerializers: false,
            },
            logStream ?? process.stdout,
          ],
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: databaseUrl,
            replicaUrl: config.database.replicaUrl,
            poolSize: config.database.poolSize,
            timeouts: config.database.timeouts,
            logger: queryLogger,
          }),
        ),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
