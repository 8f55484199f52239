import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UserModule } from '../user/user.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { resolveJwtSecret } from './jwt-secret';
import { TokenService } from './token.service';

@Module({
  imports: [
    UserModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: resolveJwtSecret(config.auth.jwtSecret, config.database.dataDir),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [TokenService, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
