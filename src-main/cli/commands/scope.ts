import type { Command } from 'commander';
import {
  describeClause,
  explainScoping,
  scopingFilterSetSchema,
  validateScopingFilters,
  type ClauseOutcome,
  type ScopingExplanation,
} from '@shared/scoping';
import { CliFailure } from '../cli-app';
import { parseJsonInput, readBoundedText } from '../read-json-file';
import { parseObjectOption, type CliOutput } from './expr';

interface ScopeOptions {
  filters: string;
  source: string;
}

const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** The filters file, bounded like every JSON the CLI reads (size, BOM, depth, string length). */
function readFiltersFile(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const read = readBoundedText(file);
  if (!read.ok) return { ok: false, message: `cannot read the filters file ${file}: ${read.reason}` };
  try {
    return { ok: true, value: parseJsonInput(read.text, file) };
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    return { ok: false, message: error.message };
  }
}

function filterLabel(explanation: ScopingExplanation, clause: ClauseOutcome): string {
  const title = explanation.filters[clause.filterIndex]?.title;
  return title ? `filter ${clause.filterIndex + 1} "${title}"` : `filter ${clause.filterIndex + 1}`;
}

/**
 * Says whether one source object is in the scope of a filter set (scoping-filters.md), and why. Prints
 * `in` or `out`, then the deciding clauses, one a line. Returns the exit code: 0, or 2 for bad input.
 */
export function runScope(options: ScopeOptions, output: CliOutput = consoleOutput): number {
  const file = readFiltersFile(options.filters);
  if (!file.ok) {
    output.err(`error: ${file.message}`);
    return 2;
  }
  const problems = validateScopingFilters(file.value);
  if (problems.length > 0) {
    for (const p of problems) {
      // Shape problems already start with their path.
      const where = p.code === 'invalidShape' || p.path === '' ? '' : `${p.path}: `;
      output.err(`error: ${options.filters}: ${where}${p.message}`);
    }
    return 2;
  }
  const source = parseObjectOption('--source', options.source);
  if (!source.ok) {
    output.err(`error: ${source.message}`);
    return 2;
  }
  const { filters } = scopingFilterSetSchema.parse(file.value);
  const explanation = explainScoping(filters, source.value);
  output.out(explanation.inScope ? 'in' : 'out');
  if (explanation.decidingClauses.length === 0) output.out(explanation.summary);
  for (const clause of explanation.decidingClauses)
    output.out(`${filterLabel(explanation, clause)}: ${describeClause(clause)}`);
  for (const warning of explanation.warnings) output.err(`warning: ${warning}`);
  return 0;
}

export function registerScopeCommand(program: Command): void {
  program
    .command('scope')
    .description(
      'say whether a source object is in scope of a set of scoping filters, and which clauses decided',
    )
    .requiredOption('--filters <file>', 'a JSON file: { "filters": [ { "title", "clauses": [ … ] } ] }')
    .option('--source <json>', 'the source object as a JSON object', '{}')
    .action((opts: ScopeOptions) => {
      process.exitCode = runScope(opts);
    });
}
