import { Module } from '@nestjs/common';
import { FrameworkResolver } from './framework.resolver';
import { FrameworkService } from './framework.service';

@Module({ providers: [FrameworkService, FrameworkResolver] })
export class FrameworkModule {}
