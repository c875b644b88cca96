/**
 * English sentences the provision-on-demand steps are built from in the app (merged into en.ts as
 * `onDemandText`); the engine's own English summary stays for the CLI.
 */
export const enOnDemandText = {
  import: 'Read {name} ({anchor}) from {source}: {count} attribute(s)',
  importSkipped: 'Read {name} from {source}, but every matching attribute is empty',
  connectionFailed: 'Test connection to {target} failed: {summary}',
};
