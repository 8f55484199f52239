import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UserModule } from '../user/user.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { loginAccount, LoginThrottlerGuard } from './login-throttler.guard';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { resolveJwtSecret } from './jwt-secret';
import { TokenService } from './token.service';

@Module({
  imports: [
    UserModule,
    // Login attempts, counted in PostgreSQL so that every instance sees the same counts.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, ds: DataSource) => {
        const { maxPerAccount, maxPerAddress, windowSeconds } = config.auth.login;
        const window = windowSeconds * 1000;
        return {
          storage: new PgThrottlerStorage(ds),
          setHeaders: false,
          throttlers: [
            { name: 'address', limit: maxPerAddress, ttl: window, blockDuration: window },
            { name: 'account', limit: maxPerAccount, ttl: window, blockDuration: window, getTracker: loginAccount },
          ],
        };
      },
    }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a PEM public key on every verify, ~10 % of a small request's CPU (docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config.auth.jwtSecret, config.database.dataDir), 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [TokenService, AuthService, AuthResolver, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, LoginThrottlerGuard],
})
export class AuthModule {}
