import { describe, expect, it } from 'vitest';
import { errorCodes } from '@shared/domain/errors';
import { auditActions } from '@shared/domain/audit';
import { connectionKinds, secretFieldsByKind } from '@shared/domain/connections';
import { en } from '../../../src-renderer/locales/en';
import { ko } from '../../../src-renderer/locales/ko';
import { baseCompile } from '@intlify/message-compiler';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(catalogue: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

describe('locale catalogues', () => {
  const enKeys = keysOf(en);
  const koKeys = keysOf(ko);

  it('has every English key in Korean', () => {
    expect(enKeys.filter((key) => !koKeys.includes(key))).toEqual([]);
  });

  it('has no Korean key that English lacks', () => {
    expect(koKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const catalogue of [en, ko]) {
      expect(keysOf(catalogue).filter((key) => String(lookup(catalogue, key)).trim() === '')).toEqual([]);
    }
  });

  it('has a message for every error code, audit action, connection kind and secret field', () => {
    const required = [
      ...errorCodes.map((code) => `errors.${code}`),
      ...auditActions.map((action) => `audit.actions.${action}`),
      ...connectionKinds.map((kind) => `connections.kinds.${kind}`),
      ...Object.values(secretFieldsByKind)
        .flat()
        .map((field) => `connections.fields.${field}`),
    ];
    for (const catalogue of [en, ko]) {
      expect(required.filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([]);
    }
  });

  it('keeps the same {placeholders} in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of enKeys) {
      expect(names(String(lookup(ko, key))), key).toEqual(names(String(lookup(en, key))));
    }
  });

  it('compiles every message (no stray @, |, { or } that vue-i18n would read as syntax)', () => {
    for (const catalogue of [en, ko]) {
      const failures: string[] = [];
      for (const key of keysOf(catalogue)) {
        baseCompile(String(lookup(catalogue, key)), {
          onError: (error) => failures.push(`${key}: ${error.message}`),
        });
      }
      expect(failures).toEqual([]);
    }
  });
});
