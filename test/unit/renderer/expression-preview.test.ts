import { describe, expect, it } from 'vitest';
import { computePreview } from '../../../src-renderer/components/expression-editor/preview';
import { locateMessage } from '../../../src-renderer/components/expression-editor/located-message';

const sample = { givenName: 'Jane', surname: 'Doe', roles: 'a,b' };

describe('expression preview', () => {
  it('shows the JSON result for the sample', () => {
    expect(computePreview({ expression: 'Join(" ", [givenName], [surname])', sample })).toEqual({
      status: 'value',
      json: '"Jane Doe"',
      warnings: [],
    });
    expect(computePreview({ expression: 'Split([roles], ",")', sample })).toMatchObject({
      json: '["a","b"]',
    });
    expect(computePreview({ expression: '[department]', sample })).toMatchObject({ json: 'null' });
  });

  it('says when IgnoreFlowIfNullOrEmpty dropped the value', () => {
    expect(computePreview({ expression: 'IgnoreFlowIfNullOrEmpty([department])', sample })).toEqual({
      status: 'dropped',
      warnings: [],
    });
  });

  it('shows an evaluation error with its place', () => {
    expect(computePreview({ expression: 'CDate([givenName])', sample })).toMatchObject({
      status: 'error',
      error: { line: 1, column: 7, text: expect.stringContaining('"Jane" is not a date') as unknown },
    });
  });

  it('skips SelectUniqueValue candidates the target already holds', () => {
    const expression = 'SelectUniqueValue([givenName], Join(".", [givenName], [surname]))';
    expect(computePreview({ expression, sample, targetExisting: ['JANE'] })).toMatchObject({
      json: '"Jane.Doe"',
    });
  });

  it('waits for a valid expression, a sample and some text', () => {
    expect(computePreview({ expression: 'Apend([a], "x")', sample })).toEqual({ status: 'invalid' });
    expect(computePreview({ expression: '[givenName]', sample: null })).toEqual({ status: 'noSample' });
    expect(computePreview({ expression: '  ', sample })).toEqual({ status: 'empty' });
  });

  it('applies the save-time checks it is given', () => {
    const validation = { sourceAttributes: ['givenName'] };
    expect(computePreview({ expression: '[surname]', sample, validation })).toEqual({ status: 'invalid' });
  });
});

describe('located messages', () => {
  it('takes "Line 2, column 5: " off the front', () => {
    expect(locateMessage('Line 2, column 5: Unknown function Apend.')).toEqual({
      line: 2,
      column: 5,
      text: 'Unknown function Apend.',
    });
  });

  it('leaves a message without a place as it is', () => {
    expect(locateMessage('Something failed.')).toEqual({ text: 'Something failed.' });
  });
});
