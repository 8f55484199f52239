import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

/**
 * What a client asked of a connection: the fields of its nodes and whether it wants totalCount.
 * Read from the selection set (aliases, fragments, @skip and @include resolved), so a page can
 * be read in one statement with only the columns and joins it needs.
 */
export interface PageSelection {
  nodeFields: ReadonlySet<string>;
  totalCount: boolean;
}

/** The fields selected under a field, whatever their alias or the fragment they came from. */
const selected = (tree: ResolveTree): ResolveTree[] => Object.values(tree.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias));

/** The selection of the connection field being resolved. */
export function pageSelection(info: GraphQLResolveInfo): PageSelection {
  const connection = selected(parseResolveInfo(info) as ResolveTree);
  const nodes = connection
    .filter((f) => f.name === 'edges')
    .flatMap(selected)
    .filter((f) => f.name === 'node')
    .flatMap(selected);
  return { nodeFields: new Set(nodes.map((f) => f.name)), totalCount: connection.some((f) => f.name === 'totalCount') };
}
