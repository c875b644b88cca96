import { validateExpression } from '@shared/expressions';
import type { DiagnosticDetail } from '@shared/expressions/diagnostics';
import { closestMatch } from '@shared/expressions/suggest';
import type { AttributeMapping, JobConfig, ObjectMapping } from '@shared/domain/jobs';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { canMatch } from './mapping-type-switch';
import { checkSourceName, unknownNamesInExpression } from './source-attribute-names';

/** Each problem is a locale key under `mappings.problems`; the UI translates it with `values`. */
export type MappingProblemCode =
  | 'targetRequired'
  | 'targetTwice'
  | 'targetIsPrimaryKey'
  | 'targetNotInSchema'
  | 'targetWillBeAdded'
  | 'sourceRequired'
  | 'unknownSource'
  | 'unknownSourceNoGuess'
  | 'constantEmpty'
  | 'expressionRequired'
  | 'expressionError'
  | 'matchingNeedsSource'
  | 'noMatching'
  | 'requiredUnmapped'
  | 'noUsersMapping';

/** The dialog field a problem is shown beside. */
export type MappingField = 'target' | 'source' | 'matching' | 'mapping';

export interface MappingProblem {
  code: MappingProblemCode;
  severity: 'error' | 'warning';
  field: MappingField;
  /** Where in the job configuration, as the app names it: `objectMappings[0].attributeMappings[2].source`. */
  path: string;
  values: Record<string, string | number>;
  /** The attribute mapping's index in its object mapping, when the problem is about one. */
  index?: number;
  /**
   * An expression error's words as a code with parameters (`values.message` is their English), so
   * the list says them in the admin's language too.
   */
  detail?: DiagnosticDetail;
}

/** What a mapping is checked against: its siblings, the target's attribute list and the source's names. */
export interface MappingContext {
  /** The other attribute mappings of the same object mapping. */
  others: readonly AttributeMapping[];
  /** The job's target schema for this object type (empty: nothing declared, nothing to check against). */
  schema: readonly TargetSchemaAttribute[];
  /** Names the source offers (with objectId and the virtual ones); empty while unknown. */
  sourceNames: readonly string[];
  /** The dialog adds a new target name to the schema on save; the table reports it as an error. */
  newTargetsAllowed: boolean;
  /** The JSON path of this attribute mapping. */
  path: string;
  index?: number;
}

function problem(
  ctx: MappingContext,
  code: MappingProblemCode,
  field: MappingField,
  values: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): MappingProblem {
  const suffix = field === 'mapping' ? '' : `.${field === 'matching' ? 'matchingPriority' : field}`;
  return {
    code,
    severity,
    field,
    path: `${ctx.path}${suffix}`,
    values,
    ...(ctx.index !== undefined ? { index: ctx.index } : {}),
  };
}

function targetProblems(mapping: AttributeMapping, ctx: MappingContext): MappingProblem[] {
  const target = mapping.target.trim();
  if (target === '') return [problem(ctx, 'targetRequired', 'target')];
  const out: MappingProblem[] = [];
  if (ctx.others.some((m) => m.target.trim().toLowerCase() === target.toLowerCase()))
    out.push(problem(ctx, 'targetTwice', 'target', { target }));
  const declared = ctx.schema.find((a) => a.name.toLowerCase() === target.toLowerCase());
  if (target === 'id' || declared?.primaryKey)
    out.push(problem(ctx, 'targetIsPrimaryKey', 'target', { target }));
  else if (!declared && ctx.schema.length > 0 && target !== 'members') {
    const guess = closestMatch(
      target,
      ctx.schema.map((a) => a.name),
    );
    out.push(
      ctx.newTargetsAllowed
        ? problem(ctx, 'targetWillBeAdded', 'target', { target }, 'warning')
        : problem(ctx, 'targetNotInSchema', 'target', { target, suggestion: guess ?? '' }),
    );
  }
  return out;
}

function sourceProblems(mapping: AttributeMapping, ctx: MappingContext): MappingProblem[] {
  switch (mapping.type) {
    case 'None':
      return [];
    case 'Constant':
      return mapping.source === ''
        ? [problem(ctx, 'constantEmpty', 'source', { target: mapping.target }, 'warning')]
        : [];
    case 'Direct': {
      if (mapping.source.trim() === '') return [problem(ctx, 'sourceRequired', 'source')];
      const unknown = checkSourceName(mapping.source, ctx.sourceNames);
      if (!unknown) return [];
      return [
        unknown.suggestion
          ? problem(
              ctx,
              'unknownSource',
              'source',
              { name: unknown.name, suggestion: unknown.suggestion },
              'warning',
            )
          : problem(ctx, 'unknownSourceNoGuess', 'source', { name: unknown.name }, 'warning'),
      ];
    }
    case 'Expression': {
      if (mapping.source.trim() === '') return [problem(ctx, 'expressionRequired', 'source')];
      // The same checks the app runs before it stores a job (job-validation.ts), so nothing saved here is refused there.
      const errors = validateExpression(mapping.source, {
        placement: {
          createOnly: mapping.apply === 'OnlyOnCreate',
          matchingAttribute: mapping.matchingPriority > 0,
        },
      }).filter((d) => d.severity === 'error');
      const first = errors[0];
      if (first)
        return [
          {
            ...problem(ctx, 'expressionError', 'source', {
              line: first.line,
              column: first.column,
              message: first.message.replace(/^Line \d+, column \d+: /, ''),
              count: errors.length,
            }),
            ...(first.detail ? { detail: first.detail } : {}),
          },
        ];
      return unknownNamesInExpression(mapping.source, ctx.sourceNames).map((unknown) =>
        unknown.suggestion
          ? problem(
              ctx,
              'unknownSource',
              'source',
              { name: unknown.name, suggestion: unknown.suggestion },
              'warning',
            )
          : problem(ctx, 'unknownSourceNoGuess', 'source', { name: unknown.name }, 'warning'),
      );
    }
  }
}

/** Everything wrong with one attribute mapping, errors before warnings. */
export function attributeMappingProblems(mapping: AttributeMapping, ctx: MappingContext): MappingProblem[] {
  const out = [...targetProblems(mapping, ctx), ...sourceProblems(mapping, ctx)];
  if (mapping.matchingPriority > 0 && !canMatch(mapping.type))
    out.push(problem(ctx, 'matchingNeedsSource', 'matching', { type: mapping.type }));
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The target schema entries of one object type. */
export function schemaOf(
  config: Pick<JobConfig, 'targetSchema'>,
  mapping: ObjectMapping,
): TargetSchemaAttribute[] {
  return config.targetSchema.filter((a) => a.objectType === mapping.targetObject);
}

/** Problems of one object mapping: each attribute mapping, then matching and required attributes. */
export function objectMappingProblems(
  config: Pick<JobConfig, 'targetSchema'>,
  mapping: ObjectMapping,
  mappingIndex: number,
  sourceNames: readonly string[],
): MappingProblem[] {
  const base = `objectMappings[${mappingIndex}]`;
  const schema = schemaOf(config, mapping);
  const out: MappingProblem[] = [];
  mapping.attributeMappings.forEach((m, index) => {
    out.push(
      ...attributeMappingProblems(m, {
        // Only earlier ones: the second mapping to a target is the one reported, as the app does.
        others: mapping.attributeMappings.slice(0, index),
        schema,
        sourceNames,
        newTargetsAllowed: false,
        path: `${base}.attributeMappings[${index}]`,
        index,
      }),
    );
  });
  if (!mapping.enabled) return out;
  const ctx: MappingContext = { others: [], schema, sourceNames, newTargetsAllowed: false, path: base };
  if (!mapping.attributeMappings.some((m) => m.matchingPriority > 0))
    out.push(problem(ctx, 'noMatching', 'mapping', { name: mapping.name }));
  if (mapping.actions.create) {
    const mapped = new Set(mapping.attributeMappings.map((m) => m.target.toLowerCase()));
    for (const attribute of schema)
      if (attribute.required && !attribute.primaryKey && !mapped.has(attribute.name.toLowerCase()))
        out.push(problem(ctx, 'requiredUnmapped', 'mapping', { target: attribute.name, name: mapping.name }));
  }
  return out;
}

/** The whole configuration's mapping problems, as checked before the impact dialog opens. */
export function configMappingProblems(
  config: JobConfig,
  sourceNamesFor: (mapping: ObjectMapping) => readonly string[],
): MappingProblem[] {
  const out: MappingProblem[] = [];
  if (!config.objectMappings.some((m) => m.sourceObject === 'User'))
    out.push({
      code: 'noUsersMapping',
      severity: 'error',
      field: 'mapping',
      path: 'objectMappings',
      values: {},
    });
  config.objectMappings.forEach((mapping, index) =>
    out.push(...objectMappingProblems(config, mapping, index, sourceNamesFor(mapping))),
  );
  return out;
}

export function hasErrors(problems: readonly MappingProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
