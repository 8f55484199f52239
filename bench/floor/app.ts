import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Context, Field, GraphQLModule, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { JitGateway } from './jit-gateway';
import { NestedContext, nestedObservations, nestedPilot } from './nested';
import { floorObservation } from './observation';

/**
 * The floor of the fixed stack (NestJS 12 + @nestjs/apollo on Apollo Server 5): the thin read's
 * question answered by one resolver running the reference's SQL with `pg`, and the nested read's
 * from one statement that builds its JSON, as PostGraphile does (nested.ts). No auth, no logging,
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
class FloorAuthor {
  @Field() displayName!: string;
}

@ObjectType()
class FloorObservation {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() text!: string;
  @Field() occurredOn!: string;
  @Field(() => FloorAuthor, { nullable: true }) author?: FloorAuthor;
  @Field(() => FloorCodes) codes!: FloorCodes;
}

@ObjectType()
class FloorEdge {
  @Field(() => FloorObservation) node!: FloorObservation;
}

@ObjectType()
class FloorObservationConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [FloorEdge]) edges!: FloorEdge[];
}

@InputType()
class FloorObservationFilter {
  @Field(() => [ID], { nullable: true }) pilotId?: string[];
}

@ObjectType()
class FloorOrganisation {
  @Field() name!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) county!: string | null;
}

@ObjectType()
class FloorParticipant {
  @Field() level!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => FloorOrganisation) organisation!: FloorOrganisation;
}

@ObjectType()
class FloorPilot {
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [FloorParticipant]) participants!: FloorParticipant[];
}

@Resolver(() => FloorObservation)
class FloorResolver {
  @Query(() => FloorObservation, { nullable: true })
  async observation(@Args('id', { type: () => ID }) id: string): Promise<FloorObservation | null> {
    return floorObservation(id);
  }

  @Query(() => FloorPilot, { nullable: true })
  pilot(@Args('id', { type: () => ID }) id: string, @Context() ctx: NestedContext) {
    return nestedPilot(ctx, id);
  }

  @Query(() => FloorObservationConnection)
  observations(
    @Args('first', { type: () => Int }) first: number,
    @Args('filter', { type: () => FloorObservationFilter }) filter: FloorObservationFilter,
    @Context() ctx: NestedContext,
  ) {
    return nestedObservations(ctx, filter.pilotId![0], first);
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
      context: (): NestedContext => ({}),
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
