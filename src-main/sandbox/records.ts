/** What the sandbox stores, in the shapes its repositories hand out. */

export type JsonObject = Record<string, unknown>;

export interface UserRecord {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  /** The SCIM resource as accepted (core and extension attributes), without id and meta. */
  attributes: JsonObject;
  created: string;
  lastModified: string;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  externalId: string | null;
  /** The SCIM resource as accepted, without id, meta and members (those live in their own table). */
  attributes: JsonObject;
  created: string;
  lastModified: string;
}

export type MemberType = 'User' | 'Group';

export interface MemberRecord {
  id: string;
  type: MemberType;
  display: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** A write would give two users the same userName, or two groups the same displayName. */
export class UniquenessError extends Error {
  override name = 'UniquenessError';
}

/** better-sqlite3 reports constraint failures as SqliteError with an SQLITE_CONSTRAINT_* code. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

/** `%term%` for LIKE, with the wildcard characters in the term escaped (ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
