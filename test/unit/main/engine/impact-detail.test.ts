import { describe, expect, it } from 'vitest';
import { say } from '@shared/domain/log-messages';
import { detailParams } from '../../../../src-main/engine/impact-detail';

describe('impact detail parameters', () => {
  const clauses = 'department EQUALS "Sales" → false ("Engineering")';
  const summary =
    'Out of scope: filter 1 failed because department EQUALS "Sales" is false (actual value: "Engineering").';

  it('sends the verdict’s log code and parameters beside its English', () => {
    expect(detailParams(summary, { ...say('scopeFilteredOut', { clauses }), text: summary })).toEqual({
      detail: summary,
      detailCode: 'scopeFilteredOut',
      'detail.clauses': clauses,
    });
  });

  it('sends only the English without a message, or when a parameter is itself a message', () => {
    expect(detailParams('Gone from the source')).toEqual({ detail: 'Gone from the source' });
    const nested = { ...say('scopeFilteredOut', { clauses: say('scopeGone') }), text: 'x' };
    expect(detailParams('x', nested)).toEqual({ detail: 'x' });
  });
});
