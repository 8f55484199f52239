import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { JitGateway } from './jit-gateway';
import { floorObservation } from './observation';

/**
 * The floor of the fixed stack (NestJS 12 + @nestjs/apollo on Apollo Server 5): the thin read's
 * question answered by one resolver running the reference's SQL with `pg`. No auth, no logging,
 * no limits, no TypeORM: what Nest and Apollo cost on their own, with either HTTP adapter
 * (FLOOR_ADAPTER=express|fastify) and either executor (FLOOR_EXECUTOR=graphql|jit).
 */
const adapter = process.env.FLOOR_ADAPTER ?? 'express';
const executor = process.env.FLOOR_EXECUTOR ?? 'graphql';

@ObjectType()
class FloorMethod {
  @Field() method!: string;
  @Field() polarity!: string;
}

@ObjectType()
class FloorCodes {
  @Field(() => [String]) forms!: string[];
  @Field(() => String, { nullable: true }) phase!: string | null;
  @Field(() => [String]) relations!: string[];
  @Field(() => [FloorMethod]) methods!: FloorMethod[];
  @Field(() => String, { nullable: true }) trustworthiness!: string | null;
  @Field(() => String, { nullable: true }) orientation!: string | null;
  @Field(() => String, { nullable: true }) effectOnTrust!: string | null;
}

@ObjectType()
class FloorObservation {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() text!: string;
  @Field() occurredOn!: string;
  @Field(() => FloorCodes) codes!: FloorCodes;
}

@Resolver(() => FloorObservation)
class FloorResolver {
  @Query(() => FloorObservation, { nullable: true })
  async observation(@Args('id', { type: () => ID }) id: string): Promise<FloorObservation | null> {
    return floorObservation(id);
  }
}

@Controller('health')
class FloorHealth {
  @Get()
  ok(): string {
    return 'ok';
  }
}

const jit = executor === 'jit' ? new JitGateway() : undefined;

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/graphql',
      autoSchemaFile: true,
      playground: false,
      ...(jit ? { gateway: jit, transformSchema: jit.capture } : {}),
    }),
  ],
  controllers: [FloorHealth],
  providers: [FloorResolver],
})
class FloorModule {}

async function main() {
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(FloorModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
