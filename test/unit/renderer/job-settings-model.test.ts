import { describe, expect, it } from 'vitest';
import { jobSettingsSchema, type JobSettings } from '@shared/domain/jobs';
import type { TargetCapabilities } from '@shared/domain/target-capabilities';
import {
  disableImpossible,
  fromForm,
  settingsProblems,
  toForm,
} from '../../../src-renderer/views/jobs/parts/settings-editor/settings-model';
import {
  addAssignment,
  nothingAssigned,
  removeAssignment,
} from '../../../src-renderer/views/jobs/parts/settings-editor/assignments-model';

const defaults = jobSettingsSchema.parse({});
const scim: TargetCapabilities = {
  kind: 'scim',
  canDisable: true,
  disableMethod: 'scimActive',
  requestShape: 'scim2',
};
const plainLdap: TargetCapabilities = { kind: 'ldap', canDisable: false, disableMethod: 'none' };

describe('settings form model', () => {
  it('round-trips the default settings exactly, inventing no optional key', () => {
    const back = fromForm(toForm(defaults), defaults);
    expect(back).toEqual(defaults);
    expect(Object.keys(back).sort()).toEqual(Object.keys(defaults).sort());
    expect('notificationEmail' in back).toBe(false);
    expect('scimProfile' in back).toBe(false);
  });

  it('round-trips every field set away from its default, odd fractions included', () => {
    const settings: JobSettings = jobSettingsSchema.parse({
      scope: 'all',
      expandNestedGroups: true,
      intervalMinutes: 15,
      watchSource: false,
      notificationEmail: 'it@example.com',
      notifyOnFailure: true,
      preventAccidentalDeletes: false,
      deletionThreshold: 12,
      skipOutOfScopeDeletions: true,
      onSourceDelete: 'delete',
      scimProfile: 'entra-legacy',
      maxRequestsPerSecond: 0.5,
      maxConcurrency: 9,
      maxMembersPerPatch: 250,
      maxSourceShrinkFraction: 0.123456789,
    });
    const form = toForm(settings);
    expect(form.maxSourceShrinkPercent).toBe(12.345679);
    expect(fromForm(form, settings)).toEqual(settings);
  });

  it('shows a fraction as a percentage without float noise and stores the edited one', () => {
    const form = toForm(defaults);
    expect(form.maxSourceShrinkPercent).toBe(30);
    expect(fromForm({ ...form, maxSourceShrinkPercent: 45 }, defaults).maxSourceShrinkFraction).toBe(0.45);
  });

  it('drops the optional keys again when the admin empties them', () => {
    const settings = jobSettingsSchema.parse({ notificationEmail: 'it@example.com', scimProfile: 'scim2' });
    const form = { ...toForm(settings), notificationEmail: '  ', scimProfile: 'connection' as const };
    const back = fromForm(form, settings);
    expect('notificationEmail' in back).toBe(false);
    expect('scimProfile' in back).toBe(false);
    expect(jobSettingsSchema.strict().safeParse(back).success).toBe(true);
  });

  it('checks every number against the job schema’s bounds, beside its field', () => {
    const form = {
      ...toForm(defaults),
      intervalMinutes: 0,
      deletionThreshold: null,
      maxSourceShrinkPercent: 120,
      maxRequestsPerSecond: 0,
      maxConcurrency: 2.5,
      maxMembersPerPatch: 20_000,
    };
    expect(settingsProblems(form, scim)).toEqual([
      { field: 'intervalMinutes', code: 'outOfRange', params: { min: 1, max: 1440 } },
      { field: 'deletionThreshold', code: 'required', params: {} },
      { field: 'maxSourceShrinkPercent', code: 'outOfRange', params: { min: 0, max: 100 } },
      { field: 'maxRequestsPerSecond', code: 'aboveRange', params: { min: 0, max: 1000 } },
      { field: 'maxConcurrency', code: 'notInteger', params: {} },
      { field: 'maxMembersPerPatch', code: 'outOfRange', params: { min: 1, max: 10_000 } },
    ]);
    expect(settingsProblems(toForm(defaults), scim)).toEqual([]);
  });

  it('needs no threshold while deletion prevention is off', () => {
    const form = { ...toForm(defaults), preventAccidentalDeletes: false, deletionThreshold: null };
    expect(settingsProblems(form, scim)).toEqual([]);
    expect(fromForm(form, defaults).deletionThreshold).toBe(defaults.deletionThreshold);
  });

  it('wants a real address, and an address when failure emails are on', () => {
    expect(settingsProblems({ ...toForm(defaults), notificationEmail: 'it@' }, scim)).toEqual([
      { field: 'notificationEmail', code: 'invalidEmail', params: { email: 'it@' } },
    ]);
    expect(settingsProblems({ ...toForm(defaults), notifyOnFailure: true }, scim)).toEqual([
      { field: 'notificationEmail', code: 'notifyNeedsEmail', params: {} },
    ]);
  });

  it('refuses "disable" for a target that cannot disable, unless leavers are left alone', () => {
    const form = toForm(defaults);
    expect(form.onSourceDelete).toBe('disable');
    expect(disableImpossible(form, plainLdap)).toBe(true);
    expect(settingsProblems(form, plainLdap)).toEqual([
      { field: 'onSourceDelete', code: 'cannotDisable', params: {} },
    ]);
    expect(settingsProblems({ ...form, onSourceDelete: 'delete' }, plainLdap)).toEqual([]);
    expect(settingsProblems({ ...form, skipOutOfScopeDeletions: true }, plainLdap)).toEqual([]);
    expect(disableImpossible(form, scim)).toBe(false);
    expect(disableImpossible(form, null)).toBe(false);
  });
});

describe('assignments model', () => {
  it('adds an anchor once, removes it, and says when the assigned scope holds nobody', () => {
    const empty = { users: [], groups: [] };
    expect(nothingAssigned('assigned', empty)).toBe(true);
    expect(nothingAssigned('all', empty)).toBe(false);
    const one = addAssignment(empty, 'User', 'E100');
    expect(addAssignment(one, 'User', 'E100')).toBe(one);
    const two = addAssignment(one, 'Group', 'sales');
    expect(two).toEqual({ users: ['E100'], groups: ['sales'] });
    expect(nothingAssigned('assigned', two)).toBe(false);
    expect(removeAssignment(two, 'User', 'E100')).toEqual({ users: [], groups: ['sales'] });
  });
});
