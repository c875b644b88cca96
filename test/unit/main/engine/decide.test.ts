import { describe, expect, it } from 'vitest';
import {
  decide,
  decisionTable,
  situationBeforeMatch,
  type DecisionFacts,
} from '../../../../src-main/engine/decide';

/** A user of a job with Roster's defaults, linked and active: each row below changes what it names. */
function facts(overrides: Partial<DecisionFacts>): DecisionFacts {
  return {
    situation: 'linked',
    scope: 'in',
    objectType: 'User',
    createOn: true,
    updateOn: true,
    deleteOn: true,
    skipOutOfScopeDeletions: false,
    onSourceDelete: 'disable',
    targetCanDisable: true,
    readsSoftDeleted: true,
    alreadyDisabled: false,
    ...overrides,
  };
}

// One line per row of the table, in its order: the facts, then the action and code it must give.
const rows: [string, Partial<DecisionFacts>, string, string | null][] = [
  ['an unlinked object in scope is looked up', { situation: 'unknown' }, 'match', null],
  [
    'an unlinked object out of scope is left alone, silently',
    { situation: 'unknown', scope: 'out' },
    'skip',
    'OutOfScope',
  ],
  ['one match is linked and updated', { situation: 'unlinked' }, 'link', null],
  ['no match is created', { situation: 'unmatched' }, 'create', null],
  [
    'no match with Create off is skipped',
    { situation: 'unmatched', createOn: false },
    'skip',
    'CreateDisabled',
  ],
  ['several matches fail', { situation: 'disputed' }, 'fail', 'DuplicateTargetEntries'],
  ['no matching value is skipped', { situation: 'unmatchable' }, 'skip', 'ImportSkipped'],
  ['a linked object in scope is updated', {}, 'update', null],
  [
    'skipOutOfScopeDeletions suppresses a disable',
    { situation: 'deleted', scope: 'out', skipOutOfScopeDeletions: true },
    'skip',
    'SkipOutOfScopeDeletions',
  ],
  [
    'skipOutOfScopeDeletions suppresses a hard delete too',
    { situation: 'deleted', scope: 'gone', onSourceDelete: 'delete', skipOutOfScopeDeletions: true },
    'skip',
    'SkipOutOfScopeDeletions',
  ],
  [
    'a group that leaves scope is deleted',
    { situation: 'deleted', scope: 'out', objectType: 'Group' },
    'delete',
    null,
  ],
  [
    'a hard delete is deleted when the job says delete',
    { situation: 'deleted', scope: 'gone', onSourceDelete: 'delete' },
    'delete',
    null,
  ],
  [
    'a hard delete with Delete off is skipped',
    { situation: 'deleted', scope: 'gone', onSourceDelete: 'delete', deleteOn: false },
    'skip',
    'DeleteDisabled',
  ],
  [
    'a target that cannot disable deletes when the job says delete',
    { situation: 'deleted', scope: 'out', targetCanDisable: false, onSourceDelete: 'delete' },
    'delete',
    null,
  ],
  [
    'a target that cannot disable never deletes when the job says disable',
    { situation: 'deleted', scope: 'out', targetCanDisable: false },
    'skip',
    'TargetCannotDisable',
  ],
  [
    'a leaver already disabled is left alone',
    { situation: 'deleted', scope: 'out', alreadyDisabled: true },
    'skip',
    'AlreadyDisabled',
  ],
  [
    'no mapping reading IsSoftDeleted means no disable',
    { situation: 'deleted', scope: 'out', readsSoftDeleted: false },
    'skip',
    'NoSoftDeleteMapping',
  ],
  [
    'Update off means no disable',
    { situation: 'deleted', scope: 'out', updateOn: false },
    'skip',
    'UpdateDisabled',
  ],
  ['a leaver is disabled', { situation: 'deleted', scope: 'out' }, 'disable', null],
  [
    'a hard delete is disabled when the job says disable',
    { situation: 'deleted', scope: 'gone' },
    'disable',
    null,
  ],
];

describe('the decision table', () => {
  it.each(rows)('%s', (_name, overrides, action, code) => {
    const decision = decide(facts(overrides));
    expect(decision.action).toBe(action);
    expect(decision.code).toBe(code);
  });

  it('has a test line for every row, so a new row cannot go untested', () => {
    const reached = new Set(
      rows.map(([, overrides]) => decisionTable.findIndex((r) => decide(facts(overrides)) === r.decision)),
    );
    expect([...reached].sort((a, b) => a - b)).toEqual(decisionTable.map((_, i) => i));
  });

  it('never lets a skipped leaver go unlogged, except an already disabled one and an unlinked object', () => {
    const silent = decisionTable.filter((r) => !r.decision.logged).map((r) => r.decision.code);
    expect(silent.sort()).toEqual(['AlreadyDisabled', 'OutOfScope']);
  });

  it('names the situation before matching from the link and the scope', () => {
    expect(situationBeforeMatch(false, 'in')).toBe('unknown');
    expect(situationBeforeMatch(true, 'in')).toBe('linked');
    expect(situationBeforeMatch(true, 'out')).toBe('deleted');
    expect(situationBeforeMatch(true, 'gone')).toBe('deleted');
  });

  it('refuses a combination the engine never produces rather than guessing', () => {
    expect(() => decide(facts({ situation: 'unlinked', scope: 'out' }))).toThrow(/No decision/);
  });
});
