import { describe, expect, it } from 'vitest';
import {
  evaluateExpressionSync,
  probeFromExistingValues,
  validateExpression,
} from '@shared/expressions/index';
import { csvToLdapUserMappings } from '../../../../../src-main/connectors/ldap/default-mappings';

const withDisplayName = {
  employeeId: 'employeeId',
  displayName: 'displayName',
  givenName: 'givenName',
  surname: 'surname',
};
const withNames = { employeeId: 'employeeId', givenName: 'givenName', surname: 'surname' };

function cnMapping(columns: Parameters<typeof csvToLdapUserMappings>[0]) {
  const cn = csvToLdapUserMappings(columns).find((m) => m.target === 'cn');
  if (!cn) throw new Error('no cn mapping');
  return cn;
}

/** Issue 8: repeated names in HR data must not make two entries with one DN. */
describe('the CSV → LDAP cn is unique (SelectUniqueValue)', () => {
  const rows = [
    { employeeId: 'H1', displayName: 'Kim Min-jun', givenName: 'Min-jun', surname: 'Kim' },
    { employeeId: 'H2', displayName: 'Kim Min-jun', givenName: 'Min-jun', surname: 'Kim' },
    { employeeId: 'H3', displayName: 'Kim Min-jun', givenName: 'Min-jun', surname: 'Kim' },
  ];

  it.each([
    ['the display name', withDisplayName, 'Kim Min-jun'],
    ['given name and surname', withNames, 'Min-jun Kim'],
  ])('from %s: create-only, valid, and a name per person', (_what, columns, name) => {
    const cn = cnMapping(columns);
    expect(cn).toMatchObject({ type: 'Expression', apply: 'OnlyOnCreate', matchingPriority: 0 });
    const errors = validateExpression(cn.source, {
      placement: { createOnly: true, matchingAttribute: false },
    });
    expect(errors.filter((d) => d.severity === 'error')).toEqual([]);
    const isTaken = probeFromExistingValues([]);
    const values = rows.map((source) => evaluateExpressionSync(cn.source, { source, isTaken }).value);
    expect(values).toEqual([name, `${name} H2`, `${name} H3`]);
  });

  it('treats a name already in the directory as taken', () => {
    const cn = cnMapping(withDisplayName);
    const result = evaluateExpressionSync(cn.source, {
      source: rows[0] ?? {},
      isTaken: probeFromExistingValues(['kim min-jun']),
    });
    expect(result.value).toBe('Kim Min-jun H1');
  });

  it('falls back to the employee id when the file has no name columns', () => {
    expect(cnMapping({ employeeId: 'id' })).toMatchObject({ type: 'Direct', source: 'id' });
  });
});
