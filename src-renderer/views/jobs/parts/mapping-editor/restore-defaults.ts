import type { JobConfig, ObjectMapping } from '@shared/domain/jobs';

/**
 * The configuration with Entra's "Restore default mappings": every object mapping's attribute
 * mappings, on/off and target object actions become the defaults for this source/target pair
 * (`jobs.defaults`); its scoping filters, the job's settings and assignments stay. Target attributes
 * the defaults write but the job's attribute list lacks are added, so the restored mappings are valid;
 * custom attributes the admin added stay too. Object mappings the defaults do not know are kept.
 */
export function restoreDefaultMappings(config: JobConfig, defaults: JobConfig): JobConfig {
  const byName = new Map(defaults.objectMappings.map((m) => [m.name, m]));
  const kept = config.objectMappings.map((current): ObjectMapping => {
    const fresh = byName.get(current.name);
    if (!fresh) return current;
    return {
      ...current,
      enabled: fresh.enabled,
      actions: { ...fresh.actions },
      attributeMappings: fresh.attributeMappings.map((m) => ({ ...m })),
    };
  });
  const known = new Set(config.objectMappings.map((m) => m.name));
  const added = defaults.objectMappings.filter((m) => !known.has(m.name));
  const declared = new Set(config.targetSchema.map((a) => `${a.objectType}\u0000${a.name.toLowerCase()}`));
  const missing = defaults.targetSchema.filter(
    (a) => !declared.has(`${a.objectType}\u0000${a.name.toLowerCase()}`),
  );
  return {
    ...config,
    objectMappings: [...kept, ...added],
    targetSchema: [...config.targetSchema, ...missing],
  };
}
