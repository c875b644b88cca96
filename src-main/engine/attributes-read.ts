import type { ObjectMapping } from '@shared/domain/jobs';
import type { ObjectType } from '@shared/domain/schema';
import { walk, type ExpressionNode } from '@shared/expressions/index';
import type { CycleContext } from './cycle-context';
import type { MappingEvaluator } from './mapping-evaluator';

/**
 * The source attributes a cycle reads of each object type, lower-cased: every attribute an
 * attribute mapping's expression names (matching and references are mappings too) and every
 * attribute a scoping filter tests. A change to any other attribute cannot change what Roster
 * writes or whether the object is in scope, so the source leaves such attributes out of the
 * object's content hash (SourceReadOptions.hashedAttributes) and the object counts as unchanged.
 *
 * Why (issue 11): a CSV lists each user's groups in a column no mapping reads. When one group
 * gained 1,000 members, 1,000 users' rows changed in that column, and the cycle read each of them
 * from the target (1,000 GETs) only to find nothing to write. The group's own hash still changes
 * (its members), so its membership requests are sent; a user whose scope the new membership
 * changes still counts as changed, because its scope is part of its state hash.
 *
 * The set comes from the configuration, whose digest is part of every object's state hash: a
 * mapping that starts reading another attribute changes the digest, so every object is evaluated
 * again anyway. A type is left out (every attribute hashed) when it has no mapping or an
 * expression does not parse: the cycle cannot tell what it would read. The trees are the cycle's
 * evaluator's own, so each expression is parsed once.
 */
export function attributesRead(
  mappings: CycleContext['mappings'],
  evaluator: Pick<MappingEvaluator, 'treeOf'>,
): Partial<Record<ObjectType, ReadonlySet<string>>> {
  const read: Partial<Record<ObjectType, ReadonlySet<string>>> = {};
  for (const type of ['User', 'Group'] as const) {
    const mapping = mappings[type];
    const names = mapping ? namesRead(mapping, evaluator) : null;
    if (names) read[type] = names;
  }
  return read;
}

function namesRead(mapping: ObjectMapping, evaluator: Pick<MappingEvaluator, 'treeOf'>): Set<string> | null {
  const names = new Set<string>();
  for (const m of mapping.attributeMappings) {
    let tree: ExpressionNode | null;
    try {
      tree = evaluator.treeOf(m);
    } catch {
      return null;
    }
    if (!tree) continue;
    walk(tree, (node) => {
      if (node.kind === 'attribute') names.add(node.name.toLowerCase());
    });
  }
  for (const filter of mapping.scope.filters)
    for (const clause of filter.clauses) names.add(clause.attribute.toLowerCase());
  return names;
}
