import { getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { collectSubFields } from '@graphql-tools/utils';

/**
 * Whether the operation asks, below the field being resolved, for the field at `path` (field
 * names, e.g. `['edges', 'node', 'sites']`), whatever the aliases and fragments and honouring
 * `@skip`/`@include`: a list resolver reads what the page shows in one statement only when it is asked.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let nodes: FieldNode[] = [...info.fieldNodes];
  let type = getNamedType(info.returnType);
  for (const name of path) {
    if (!isObjectType(type)) return false;
    const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, nodes);
    nodes = [...fields.values()].flat().filter((node) => node.name.value === name);
    const field = type.getFields()[name];
    if (!nodes.length || !field) return false;
    type = getNamedType(field.type);
  }
  return true;
}
