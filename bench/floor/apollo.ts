import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { floorObservation } from './observation';

/**
 * Apollo Server 5 on its own HTTP server, without Nest: the same schema and resolver as the floor
 * app (bench/floor/app.ts), so the two rows differ by Nest alone.
 */
const typeDefs = `#graphql
  type FloorMethod { method: String! polarity: String! }
  type FloorCodes { forms: [String!]! phase: String relations: [String!]! methods: [FloorMethod!]! trustworthiness: String orientation: String effectOnTrust: String }
  type FloorObservation { id: ID! title: String! text: String! occurredOn: String! codes: FloorCodes! }
  type Query { observation(id: ID!): FloorObservation health: String }
`;

const server = new ApolloServer({
  typeDefs,
  // Off only so that the harness's plain GET /?query={health} finds it ready; the check is a
  // header lookup per request, and the thin read is a POST with a JSON body either way.
  csrfPrevention: false,
  resolvers: { Query: { observation: (_: unknown, { id }: { id: string }) => floorObservation(id), health: () => 'ok' } },
});

void startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
