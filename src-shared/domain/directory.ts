/** One level of an LDAP directory tree, for the base-DN browser. */
export interface DirectoryEntry {
  dn: string;
  rdn: string;
  objectClass: string[];
  hasChildren: boolean;
}

export interface DirectoryLevel {
  entries: DirectoryEntry[];
  /** More children exist than were listed. */
  truncated: boolean;
}
