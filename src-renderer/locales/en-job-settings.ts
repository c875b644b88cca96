/** English messages of the job settings form and the job page's Settings tab (merged into en.ts as `jobSettings`). */
export const enJobSettings = {
  sections: {
    who: 'Who is provisioned',
    schedule: 'When the job runs',
    leavers: 'Leavers',
    guards: 'Safety guards',
    requests: 'Requests to the target',
    notifications: 'Notifications',
  },
  scope: {
    label: 'Scope',
    all: 'All users and groups in the source',
    assigned: 'Only assigned users and groups',
    help: 'With “assigned”, only the users and groups picked below (and the members of assigned groups) are provisioned. Scoping filters apply on top of either choice.',
  },
  assignments: {
    users: 'Assigned users',
    groups: 'Assigned groups',
    searchUsers: 'Search the source for a user to assign',
    searchGroups: 'Search the source for a group to assign',
    remove: 'Remove {name}',
    count: 'No one assigned | 1 assigned | {count} assigned',
    searchHint: '{count} objects of this type in the source',
    nothingAssigned:
      'Nothing is assigned, so this job provisions nobody. Assign users or groups, or choose “All users and groups”.',
  },
  expandNestedGroups: {
    label: 'Include members of nested groups',
    help: 'Members of groups inside an assigned group are assigned too, at any depth.',
  },
  intervalMinutes: {
    label: 'Run every',
    suffix: 'minutes',
    help: 'A started job runs an incremental cycle this often, counted from the start of the previous cycle (1 to 1440 minutes).',
  },
  watchSource: {
    label: 'Run when the source changes',
    help: 'While the job is started, a changed CSV file or a directory change starts a cycle at once, so leavers lose access within a minute instead of at the next interval.',
  },
  onSourceDelete: {
    label: 'When someone leaves the source or the scope',
    disable: 'Disable the account',
    delete: 'Delete the account',
    disableHelp: 'The account stays in the target, disabled, and is enabled again if the person comes back.',
    deleteHelp: 'The account is deleted in the target. A person who comes back gets a new account.',
    disableUnavailable: 'Disable (not possible on this target)',
  },
  capabilities: {
    scimActive: 'This target disables an account by setting active to false.',
    activeDirectory: 'This target disables an account through userAccountControl (Active Directory).',
    ldapAttribute: 'This target disables an account by writing {attribute} = {value}.',
    ldapAttributeOnly: 'This target disables an account by writing {attribute}.',
    cannotTitle: 'This target cannot disable accounts',
    cannotBody:
      '“{target}” is an LDAP connection without a disable attribute. Choose “Delete the account”, or give the connection a disable attribute and value (for example employeeType = disabled). Roster never deletes an account when you chose to disable it.',
    skippedNote: 'Out-of-scope deletions are skipped below, so leavers keep their accounts as they are.',
    loading: 'Asking the target what it supports…',
    failed: 'Could not ask the target what it supports: {message}',
  },
  skipOutOfScopeDeletions: {
    label: 'Leave accounts of leavers as they are',
    help: 'Objects that leave the source or the scope are neither disabled nor deleted. Use it while you try a new scoping filter.',
  },
  preventAccidentalDeletes: {
    label: 'Prevent accidental deletions',
    help: 'When one cycle would disable or delete more accounts than the threshold, Roster holds them back and waits for you to allow them.',
  },
  deletionThreshold: {
    label: 'Deletion threshold',
    suffix: 'accounts',
    help: 'The most disables and deletes one cycle may make before they are held back.',
  },
  maxSourceShrinkPercent: {
    label: 'Stop when the source shrinks by more than',
    suffix: '%',
    help: 'A full read that finds this share of the linked objects gone at once is treated as a broken export: the cycle stops before any write. 0 stops at any shrink; 100 never stops.',
  },
  scimProfile: {
    label: 'Request shape',
    connection: 'From the connection ({shape})',
    connectionUnknown: 'From the connection',
    help: 'How requests are worded for this job. Some apps only accept what Entra ID sends.',
    notScim: 'Only SCIM targets have a request shape; this target is LDAP.',
  },
  dialects: {
    scim2: 'SCIM 2.0 (RFC 7644)',
    'entra-2020': 'Entra ID compatible (aadOptscim062020)',
    salesforce: 'Salesforce (its member-add shape)',
    'entra-legacy': 'Entra ID compatible (legacy)',
  },
  maxRequestsPerSecond: {
    label: 'Requests per second',
    suffix: 'per second',
    help: 'The most requests Roster sends to the SCIM target each second (above 0, at most 1000). A 429 answer slows it further.',
    ldap: 'LDAP targets are not paced by this setting.',
  },
  maxConcurrency: {
    label: 'Requests at a time',
    help: 'How many requests (SCIM) or directory operations (LDAP) are in flight at once (1 to 64). Lower it when the target struggles.',
  },
  maxMembersPerPatch: {
    label: 'Members per request',
    help: 'The most group members added or removed by one request (1 to 10000); a SCIM server’s own limit wins when lower.',
  },
  notificationEmail: {
    label: 'Notification email',
    placeholder: "For example it-alerts{'@'}example.com",
    help: 'Where alerts about this job go (quarantine, held-back deletions). Sent through the SMTP server set up in Settings.',
  },
  notifyOnFailure: {
    label: 'Email me when the job fails',
    help: 'Sends an email to the address above when the job is quarantined or holds deletions back.',
  },
  problems: {
    required: 'Enter a number.',
    notInteger: 'Use a whole number.',
    outOfRange: 'Use a number from {min} to {max}.',
    aboveRange: 'Use a number above {min}, at most {max}.',
    atLeast: 'Use a number of at least {min}.',
    invalidEmail: '“{email}” is not an email address.',
    notifyNeedsEmail: 'Enter the address to email, or turn failure emails off.',
    cannotDisable:
      'This target cannot disable accounts: choose “Delete the account” or give the connection a disable attribute.',
    summary: 'No problems | 1 problem to fix before saving | {count} problems to fix before saving',
  },
  tab: {
    title: 'Settings',
    intro:
      'Every change is checked against the source first: you see what it would do before it is saved, and the audit log keeps the before and after.',
    save: 'Review and save',
    reset: 'Undo changes',
    saved: 'The settings of {name} were saved.',
    impactTitle: 'Save the settings of {name}?',
    unchanged: 'No changes to save.',
  },
};
