/** The built-in "Roster Sandbox" SCIM server, as the app reports it. */
export interface SandboxStatus {
  running: boolean;
  baseUrl: string | null;
  stats: { users: number; activeUsers: number; groups: number; memberships: number; requests: number } | null;
}

export interface SandboxAccount {
  id: string;
  /** userName for users, displayName for groups. */
  name: string;
  displayName: string;
  active: boolean | null;
  email: string | null;
  department: string | null;
  members: number | null;
  created: string | null;
}

export interface SandboxAccountsPage {
  total: number;
  items: SandboxAccount[];
}
