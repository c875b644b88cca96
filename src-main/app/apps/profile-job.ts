/**
 * A new job from an app profile (issue 12): the profile's mappings with their source attributes
 * renamed for the chosen source, the profile's target schema, request dialect and limits. A mapping
 * whose attribute the source does not have is left out and reported, never silently kept pointing
 * at nothing; a source that cannot feed the attribute the app matches on is refused.
 */
import type {
  AppJobDefaults,
  AppProfile,
  OmittedProfileMapping,
  ProfileSourceAttribute,
} from '@shared/domain/app-profile';
import { refusal } from '@shared/domain/error-messages';
import { jobConfigSchema, type AttributeMapping } from '@shared/domain/jobs';
import type { SourceSchemaAttribute } from '@shared/domain/schema';
import type { AppContext } from '../context';
import { sourceVocabulary, type SourceVocabulary } from './source-vocabulary';

function lookup(vocabulary: SourceVocabulary, name: string): string | undefined {
  return vocabulary[name as ProfileSourceAttribute];
}

/** The mapping in the source's words, or the names the source lacks. */
function translate(
  mapping: AttributeMapping,
  vocabulary: SourceVocabulary,
  present: ReadonlySet<string>,
): { mapping: AttributeMapping } | { missing: string[] } {
  const has = (actual: string | undefined): actual is string =>
    actual !== undefined && (actual === 'IsSoftDeleted' || present.has(actual.toLowerCase()));
  if (mapping.type === 'Direct') {
    const actual = lookup(vocabulary, mapping.source);
    return has(actual) ? { mapping: { ...mapping, source: actual } } : { missing: [mapping.source] };
  }
  if (mapping.type === 'Expression') {
    const missing: string[] = [];
    const source = mapping.source.replace(/\[([^\]]+)\]/g, (whole, name: string) => {
      const actual = lookup(vocabulary, name);
      if (!has(actual)) {
        missing.push(name);
        return whole;
      }
      return `[${actual}]`;
    });
    return missing.length > 0 ? { missing } : { mapping: { ...mapping, source } };
  }
  return { mapping };
}

function translateAll(
  objectMapping: 'Users' | 'Groups',
  mappings: readonly AttributeMapping[],
  vocabulary: SourceVocabulary,
  present: ReadonlySet<string>,
  omitted: OmittedProfileMapping[],
): AttributeMapping[] {
  const kept: AttributeMapping[] = [];
  for (const mapping of mappings) {
    const result = translate(mapping, vocabulary, present);
    if ('mapping' in result) kept.push(result.mapping);
    else omitted.push({ objectMapping, target: mapping.target, missing: result.missing });
  }
  return kept;
}

/**
 * The job for `profile` from a saved source connection to a SCIM target connection, which may be
 * saved already or named for a connection the caller creates next (the job is not saved).
 */
export async function profileJobDefaults(
  ctx: AppContext,
  profile: AppProfile,
  name: string,
  sourceName: string,
  targetName: string,
): Promise<AppJobDefaults> {
  const source = ctx.store.connections.findByName(sourceName);
  const target = ctx.store.connections.findByName(targetName);
  if (!source) throw refusal('invalidInput', 'connectionNamedMissing', { name: sourceName });
  // The target may not exist yet: a job file can bring its connection profile along.
  if (target && target.kind !== 'scim') {
    throw refusal('invalidInput', 'appNeedsScimTarget', {
      app: profile.name,
      name: target.name,
      kind: target.kind.toUpperCase(),
    });
  }
  const connector = await ctx.connectors.openSource(source);
  let schema: SourceSchemaAttribute[];
  let sourceHasGroups: boolean;
  try {
    schema = await connector.discoverSchema();
    sourceHasGroups = connector.capabilities.groups;
  } finally {
    await connector.close?.();
  }
  const vocabulary = sourceVocabulary(source, schema);
  const present = (type: 'User' | 'Group') =>
    new Set(schema.filter((a) => a.objectType === type).map((a) => a.name.toLowerCase()));
  const omitted: OmittedProfileMapping[] = [];
  const users = translateAll('Users', profile.mappings.users, vocabulary.users, present('User'), omitted);
  const matchedOn = profile.mappings.users.filter((m) => m.matchingPriority > 0);
  if (!users.some((m) => m.matchingPriority > 0)) {
    const wanted = matchedOn.map((m) => `${m.target} (from ${m.source})`).join(', ');
    throw refusal('invalidInput', 'appMatchingAttributeMissing', {
      app: profile.name,
      wanted,
      name: source.name,
    });
  }
  const groupProfile = profile.mappings.groups;
  const groups =
    groupProfile && sourceHasGroups
      ? translateAll('Groups', groupProfile, vocabulary.groups, present('Group'), omitted)
      : null;
  const config = jobConfigSchema.parse({
    name,
    sourceConnection: source.name,
    targetConnection: target?.name ?? targetName,
    app: profile.id,
    settings: { scope: 'all', scimProfile: profile.connection.dialect, ...profile.settings },
    objectMappings: [
      { name: 'Users', sourceObject: 'User', targetObject: 'User', attributeMappings: users },
      ...(groups && groups.some((m) => m.matchingPriority > 0)
        ? [{ name: 'Groups', sourceObject: 'Group', targetObject: 'Group', attributeMappings: groups }]
        : []),
    ],
    targetSchema: profile.targetSchema,
  });
  return { config, omittedMappings: omitted };
}
