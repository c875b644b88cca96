import { z } from 'zod';
import type { JobSettings } from '@shared/domain/jobs';
import type { ScimDialect } from '@shared/domain/scim-dialect';
import type { TargetCapabilities } from '@shared/domain/target-capabilities';

/**
 * The settings form's working copy of a job's settings. Number fields may be empty (null) while the
 * admin types; an empty email or "from the connection" request shape mean the stored key is absent.
 */
export interface SettingsForm {
  scope: JobSettings['scope'];
  expandNestedGroups: boolean;
  intervalMinutes: number | null;
  watchSource: boolean;
  onSourceDelete: JobSettings['onSourceDelete'];
  skipOutOfScopeDeletions: boolean;
  preventAccidentalDeletes: boolean;
  deletionThreshold: number | null;
  /** maxSourceShrinkFraction as a percentage: admins think "30 %", the job stores 0.3. */
  maxSourceShrinkPercent: number | null;
  scimProfile: ScimDialect | 'connection';
  maxRequestsPerSecond: number | null;
  maxConcurrency: number | null;
  maxMembersPerPatch: number | null;
  notificationEmail: string;
  notifyOnFailure: boolean;
}

export type SettingsField = keyof SettingsForm;
export type NumberField =
  | 'intervalMinutes'
  | 'deletionThreshold'
  | 'maxSourceShrinkPercent'
  | 'maxRequestsPerSecond'
  | 'maxConcurrency'
  | 'maxMembersPerPatch';

interface Bounds {
  min: number;
  /** The minimum itself is not allowed (requests per second must be above 0). */
  exclusiveMin?: boolean;
  max?: number;
  integer: boolean;
}

/** Bounds of the numeric fields, the same as jobSettingsSchema's. */
export const NUMBER_BOUNDS: Readonly<Record<NumberField, Bounds>> = {
  intervalMinutes: { min: 1, max: 1440, integer: true },
  deletionThreshold: { min: 0, integer: true },
  maxSourceShrinkPercent: { min: 0, max: 100, integer: false },
  maxRequestsPerSecond: { min: 0, exclusiveMin: true, max: 1000, integer: false },
  maxConcurrency: { min: 1, max: 64, integer: true },
  maxMembersPerPatch: { min: 1, max: 10_000, integer: true },
};

/** 0.3 → 30, without the float noise of 0.3 × 100 (30.000000000000004). */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

export function toForm(settings: JobSettings): SettingsForm {
  return {
    scope: settings.scope,
    expandNestedGroups: settings.expandNestedGroups,
    intervalMinutes: settings.intervalMinutes,
    watchSource: settings.watchSource,
    onSourceDelete: settings.onSourceDelete,
    skipOutOfScopeDeletions: settings.skipOutOfScopeDeletions,
    preventAccidentalDeletes: settings.preventAccidentalDeletes,
    deletionThreshold: settings.deletionThreshold,
    maxSourceShrinkPercent: toPercent(settings.maxSourceShrinkFraction),
    scimProfile: settings.scimProfile ?? 'connection',
    maxRequestsPerSecond: settings.maxRequestsPerSecond,
    maxConcurrency: settings.maxConcurrency,
    maxMembersPerPatch: settings.maxMembersPerPatch,
    notificationEmail: settings.notificationEmail ?? '',
    notifyOnFailure: settings.notifyOnFailure,
  };
}

/**
 * The settings the form stands for. `base` is what the job held: a field left empty keeps its
 * stored value (the form refuses to save one anyway), and an unchanged percentage keeps the exact
 * stored fraction. Only keys of JobSettings are written, and the optional ones only when set.
 */
export function fromForm(form: SettingsForm, base: JobSettings): JobSettings {
  const shrinkUnchanged =
    form.maxSourceShrinkPercent === null ||
    form.maxSourceShrinkPercent === toPercent(base.maxSourceShrinkFraction);
  const email = form.notificationEmail.trim();
  const settings: JobSettings = {
    scope: form.scope,
    expandNestedGroups: form.expandNestedGroups,
    intervalMinutes: form.intervalMinutes ?? base.intervalMinutes,
    watchSource: form.watchSource,
    notifyOnFailure: form.notifyOnFailure,
    preventAccidentalDeletes: form.preventAccidentalDeletes,
    deletionThreshold: form.deletionThreshold ?? base.deletionThreshold,
    skipOutOfScopeDeletions: form.skipOutOfScopeDeletions,
    onSourceDelete: form.onSourceDelete,
    maxRequestsPerSecond: form.maxRequestsPerSecond ?? base.maxRequestsPerSecond,
    maxConcurrency: form.maxConcurrency ?? base.maxConcurrency,
    maxMembersPerPatch: form.maxMembersPerPatch ?? base.maxMembersPerPatch,
    maxSourceShrinkFraction: shrinkUnchanged
      ? base.maxSourceShrinkFraction
      : (form.maxSourceShrinkPercent ?? 0) / 100,
  };
  if (email !== '') settings.notificationEmail = email;
  if (form.scimProfile !== 'connection') settings.scimProfile = form.scimProfile;
  return settings;
}

export type SettingsProblemCode =
  | 'required'
  | 'notInteger'
  | 'outOfRange'
  | 'aboveRange'
  | 'atLeast'
  | 'invalidEmail'
  | 'notifyNeedsEmail'
  | 'cannotDisable';

export interface SettingsProblem {
  field: SettingsField;
  code: SettingsProblemCode;
  params: Record<string, string | number>;
}

const emailSchema = z.string().email();

function numberProblem(field: NumberField, value: number | null): SettingsProblem | null {
  const bounds = NUMBER_BOUNDS[field];
  if (value === null || Number.isNaN(value)) return { field, code: 'required', params: {} };
  if (bounds.integer && !Number.isInteger(value)) return { field, code: 'notInteger', params: {} };
  const tooLow = bounds.exclusiveMin ? value <= bounds.min : value < bounds.min;
  const tooHigh = bounds.max !== undefined && value > bounds.max;
  if (!tooLow && !tooHigh) return null;
  if (bounds.max === undefined) return { field, code: 'atLeast', params: { min: bounds.min } };
  return {
    field,
    code: bounds.exclusiveMin ? 'aboveRange' : 'outOfRange',
    params: { min: bounds.min, max: bounds.max },
  };
}

/**
 * Whether "disable" is a choice the target can keep. An LDAP target without a disable attribute
 * cannot; Roster then refuses the job at save, and the engine never turns a disable into a delete.
 * With out-of-scope deletions skipped, nothing is deprovisioned and "disable" harms nobody.
 */
export function disableImpossible(form: SettingsForm, capabilities: TargetCapabilities | null): boolean {
  return (
    capabilities !== null &&
    !capabilities.canDisable &&
    form.onSourceDelete === 'disable' &&
    !form.skipOutOfScopeDeletions
  );
}

export function settingsProblems(
  form: SettingsForm,
  capabilities: TargetCapabilities | null,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const check = (field: NumberField): void => {
    const problem = numberProblem(field, form[field]);
    if (problem) problems.push(problem);
  };
  check('intervalMinutes');
  if (form.preventAccidentalDeletes) check('deletionThreshold');
  check('maxSourceShrinkPercent');
  check('maxRequestsPerSecond');
  check('maxConcurrency');
  check('maxMembersPerPatch');
  const email = form.notificationEmail.trim();
  if (email !== '' && !emailSchema.safeParse(email).success)
    problems.push({ field: 'notificationEmail', code: 'invalidEmail', params: { email } });
  else if (email === '' && form.notifyOnFailure)
    problems.push({ field: 'notificationEmail', code: 'notifyNeedsEmail', params: {} });
  if (disableImpossible(form, capabilities))
    problems.push({ field: 'onSourceDelete', code: 'cannotDisable', params: {} });
  return problems;
}
