import { enAlerts } from './en-alerts';
import { enAccounts } from './en-accounts';
import { enOnDemand } from './en-on-demand';
import { enEscrow } from './en-escrow';
import { enCycleErrors } from './en-cycle-errors';
import { enVaultProblems } from './en-vault-problems';
import { enErrorMessages } from './en-error-messages';
import { enFieldProblems } from './en-field-problems';
import { enConnectionForm } from './en-connection-form';
import { enAuditDiff } from './en-audit-diff';
import { enUx } from './en-ux';
import { enLogMessages } from './en-log-messages';
import { enExpressions } from './en-expressions';
import { enProvisioning } from './en-provisioning';
import { enWizard } from './en-wizard';
import { enGallery } from './en-gallery';
import { enImpact } from './en-impact';
import { enEditingCodes } from './en-editing-codes';
import { enMappings } from './en-mappings';
import { enScopingEditor } from './en-scoping-editor';
import { enJobSettings } from './en-job-settings';
import { enRegexProblems } from './en-regex-problems';
import { enScopingProblems } from './en-scoping-problems';
import { enOnDemandMessages } from './en-on-demand-messages';
import { enExpressionMessages } from './en-expression-messages';
import { enJobStates } from './en-job-states';
import { enConfigProblems } from './en-config-problems';
import { enOnDemandText } from './en-on-demand-text';
import { enConnectionTest } from './en-connection-test';
import { enPlaceholders } from './en-placeholders';

/** English: the reference catalogue. Every key here must exist in ko.ts (a unit test checks both ways). */
export const en = {
  app: {
    name: 'Roster',
    tagline: 'Directory to apps, in step',
    browserMode: 'Browser mode',
  },
  nav: {
    dashboard: 'Dashboard',
    connections: 'Connections',
    jobs: 'Jobs',
    logs: 'Provisioning logs',
    reports: 'Reports',
    audit: 'Audit',
    accounts: 'Accounts',
    settings: 'Settings',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    edit: 'Edit',
    delete: 'Delete',
    close: 'Close',
    refresh: 'Refresh',
    loading: 'Loading…',
    set: 'Set',
    notSet: 'Not set',
    none: '—',
    actions: 'Actions',
    loadMore: 'Load older entries',
  },
  dashboard: {
    title: 'Dashboard',
    subtitle: 'What Roster is keeping in step, at a glance.',
    connections: 'Connections',
    connectionsHint: 'Sources and target apps Roster can reach',
    keychain: 'Keychain',
    keychainReady: 'Ready',
    keychainProblem: 'Needs attention',
    gettingStarted: 'Getting started',
    step1: 'Add a source (a CSV export from HR, or LDAP / Active Directory) and a SCIM target app.',
    step2: 'Create a provisioning job that maps source attributes to the app.',
    step3: 'Dry-run it, check the plan, then let it run on a schedule.',
    addConnection: 'Add a connection',
  },
  connections: {
    title: 'Connections',
    subtitle:
      'Where people come from and the apps their accounts go to. Secrets stay in the system keychain.',
    add: 'Add connection',
    empty:
      'No connections yet. Add the directory or HR file people come from, and the apps they need accounts in.',
    name: 'Name',
    kind: 'Kind',
    target: 'Location',
    secrets: 'Secrets',
    updated: 'Updated',
    createTitle: 'New connection',
    editTitle: 'Edit {name}',
    deleteTitle: 'Delete {name}?',
    deleteBody: 'The profile and its secrets in the keychain are removed. This cannot be undone.',
    created: 'Connection {name} created',
    saved: 'Connection {name} saved',
    deleted: 'Connection {name} deleted',
    secretNewHint: 'Enter to store in the keychain',
    secretReplaceHint: 'Stored — type to replace',
    clearSecret: 'Remove',
    keepSecret: 'Keep',
    secretWillBeRemoved: 'Will be removed when you save',
    browse: 'Browse…',
    browseTitle: 'Choose an entry in the directory',
    browseSave: 'Save the connection first: the browser signs in with its stored password.',
    browseUse: 'Use this entry',
    browseEmpty: 'No entries below this one.',
    kinds: {
      csv: 'CSV file',
      ldap: 'LDAP / Active Directory',
      scim: 'SCIM 2.0 app',
    },
    kindHelp: {
      csv: 'An export from your HR system: one row per person.',
      ldap: 'An on-premises directory: Active Directory or OpenLDAP.',
      scim: 'A SaaS app that accepts SCIM 2.0 provisioning.',
    },
    fields: {
      path: 'File path',
      encoding: 'Encoding',
      delimiter: 'Delimiter',
      keyColumn: 'Key column',
      multiValueSeparator: 'Multi-value separator',
      url: 'Server URL',
      startTls: 'Use StartTLS',
      bindDn: "Bind DN or user{'@'}domain",
      baseDn: 'Base DN',
      userSearchBase: 'User search base',
      groupSearchBase: 'Group search base',
      userFilter: 'User filter',
      groupFilter: 'Group filter',
      pageSize: 'Page size',
      timeoutSeconds: 'Timeout (seconds)',
      caCertificate: 'Custom CA certificate (PEM)',
      baseUrl: 'SCIM base URL',
      authType: 'Authentication',
      username: 'User name',
      tokenUrl: 'Token URL',
      clientId: 'Client ID',
      scope: 'Scope',
      targetContainer: 'Container for new users (as a target)',
      groupContainer: 'Container for new groups',
      rdnAttribute: 'Naming attribute (RDN)',
      disableAttribute: 'Disable by setting attribute',
      disableValue: 'Value meaning disabled',
      fullReadEveryCycles: 'Full read every N cycles',
      requestShape: 'Request shape',
      bindPassword: 'Bind password',
      bearerToken: 'Bearer token',
      password: 'Password',
      clientSecret: 'Client secret',
    },
    options: {
      auto: 'Detect automatically',
      utf8: 'UTF-8',
      utf16le: 'UTF-16 (with BOM)',
      cp949: 'Korean (CP949 / EUC-KR)',
      windows1252: 'Western (Windows-1252)',
      comma: 'Comma (,)',
      semicolon: 'Semicolon (;)',
      tab: 'Tab',
      bearer: 'Bearer token',
      oauth2: 'OAuth 2 client credentials',
      basic: 'Basic (user name and password)',
      none: 'None',
      scim2: 'SCIM 2.0 (standard)',
      entra2020: 'Entra ID compatible (aadOptscim062020)',
      entraLegacy: 'Entra ID compatible (legacy)',
    },
    help: {
      targetContainer: 'Only when this directory is a job’s target, e.g. OU=Staff,DC=example,DC=com.',
      rdnAttribute: 'cn by default; the entry’s name comes from the mapped value.',
      disableAttribute: 'For OpenLDAP targets (Active Directory uses userAccountControl).',
      fullReadEveryCycles: 'Deletions are found by comparing a full read; 24 by default.',
      keyColumn: 'The column that identifies a person and never changes (for example employeeId).',
      caCertificate:
        'Only for servers whose certificate comes from your own CA. Verification always stays on.',
      baseUrl: 'For example https://api.example.com/scim/v2',
    },
  },
  audit: {
    title: 'Audit',
    subtitle:
      'Every configuration change: who made it, when, and what it was before and after. Secrets never appear.',
    at: 'When',
    actor: 'Who',
    action: 'What',
    target: 'Object',
    changes: 'Changes',
    field: 'Field',
    before: 'Before',
    after: 'After',
    empty: 'No configuration changes yet.',
    allActions: 'All changes',
    actions: {
      connection: {
        create: 'Connection created',
        update: 'Connection changed',
        delete: 'Connection deleted',
      },
      job: {
        create: 'Job created',
        update: 'Job changed',
        delete: 'Job deleted',
        reset: 'Job restarted or reset',
        allowDeletes: 'Deletes allowed',
        start: 'Job started',
        pause: 'Job paused',
        resume: 'Job resumed',
        escrowRetry: 'Retry asked for a failed object',
        escrowDrop: 'Failed object dropped from the retry list',
        linkDelete: 'Link of one object deleted',
        accountsAdopt: 'Discovered accounts adopted',
        accountsDisable: 'Discovered accounts disabled',
        accountsLeave: 'Discovered accounts left alone',
      },
      sandbox: { start: 'Sandbox started', stop: 'Sandbox stopped' },
      settings: { update: 'Settings changed' },
    },
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    theme: 'Theme',
    themes: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
    language: 'Language',
    storage: 'Storage',
    dataFolder: 'Data folder',
    dataFolderHelp: 'Set with --data-dir or ROSTER_DATA_DIR when starting Roster.',
    database: 'Database',
    keychain: 'Keychain',
    keychainReady: 'Secrets are stored in {backend}.',
    about: 'About',
    version: 'Version',
    schemaVersion: 'Database schema',
    mode: 'Running as',
    modes: { electron: 'Desktop app', browser: 'Browser mode (this computer only)', cli: 'Command line' },
    saved: 'Settings saved',
    retention: {
      title: 'Provisioning logs',
      days: 'Keep entries for (days)',
      help: 'Entries older than {days} days are removed automatically, a few at a time, every hour.',
      keepForever: '0 keeps every entry forever; the log then grows without limit.',
      required: 'Enter a number of days (0 keeps entries forever).',
      invalid: 'Enter a whole number from 0 (keep forever) to {max}.',
      save: 'Save',
    },
  },
  vault: {
    problemTitle: 'The system keychain is not available',
    whatToDo: 'What to do:',
    detail: 'Details from the keychain:',
  },
  expressions: enExpressions,
  provisioning: enProvisioning,
  alerts: enAlerts,
  onDemand: enOnDemand,
  escrow: enEscrow,
  cycleErrors: enCycleErrors,
  vaultProblems: enVaultProblems,
  errorMessages: enErrorMessages,
  fieldProblems: enFieldProblems,
  accounts: enAccounts,
  connectionForm: enConnectionForm,
  auditDiff: enAuditDiff,
  ux: enUx,
  logMessages: enLogMessages,
  wizard: enWizard,
  gallery: enGallery,
  impact: enImpact,
  editingCodes: enEditingCodes,
  mappings: enMappings,
  scopingEditor: enScopingEditor,
  jobSettings: enJobSettings,
  regexProblems: enRegexProblems,
  scopingProblems: enScopingProblems,
  onDemandMessages: enOnDemandMessages,
  expressionMessages: enExpressionMessages,
  jobStates: enJobStates,
  configProblems: enConfigProblems,
  onDemandText: enOnDemandText,
  connectionTest: enConnectionTest,
  placeholders: enPlaceholders,
  errors: {
    invalidInput: 'Some values are not valid.',
    notFound: 'That item no longer exists.',
    conflict: 'That conflicts with something that already exists.',
    vaultUnavailable: 'The system keychain cannot be used.',
    databaseTooNew: 'This database was written by a newer Roster.',
    unknownCommand: 'This version of Roster does not know that request.',
    unauthorized:
      'This browser tab is not signed in to Roster. Open the link Roster printed when it started.',
    forbidden: 'This page may not talk to Roster.',
    internal: 'Something went wrong inside Roster.',
  },
};

export type MessageSchema = typeof en;
