/**
 * Findings that do not stop an LDAP read but that an admin should see: a manager or member DN that
 * names no user or group of the read (outside the search base, filtered out, or gone). The connector
 * contract has no channel for warnings yet, so the read exposes them next to its pages, like the CSV
 * source does. At most `maxPerCode` are kept per code; the rest are counted.
 */
export type LdapWarningCode = 'UnknownReference' | 'MoreWarnings';

export interface LdapWarning {
  code: LdapWarningCode;
  message: string;
  /** The DN concerned. */
  location: string;
}

export const maxPerCode = 1000;

export class ReadWarnings {
  private readonly kept: LdapWarning[] = [];
  private readonly counts = new Map<LdapWarningCode, number>();

  add(warning: LdapWarning): void {
    const count = (this.counts.get(warning.code) ?? 0) + 1;
    this.counts.set(warning.code, count);
    if (count <= maxPerCode) this.kept.push(warning);
  }

  list(): LdapWarning[] {
    const more: LdapWarning[] = [];
    for (const [code, count] of this.counts) {
      if (count > maxPerCode)
        more.push({
          code: 'MoreWarnings',
          message: `${count - maxPerCode} more warnings like "${code}" were left out.`,
          location: '',
        });
    }
    return [...this.kept, ...more];
  }
}
