// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NNotificationProvider } from 'naive-ui';
import {
  errorMessageCodes,
  saidOf,
  sayError,
  vaultProblemMessageCodes,
  vaultProblemSaid,
} from '@shared/domain/error-messages';
import type { VaultProblemKind } from '@shared/domain/app-info';
import { vaultCommands, vaultProblemEnglish } from '@shared/domain/vault-problem-texts';
import ErrorPresenter from '../../../src-renderer/components/error-presenter.vue';
import { ApiError } from '../../../src-renderer/api';
import { useErrorsStore } from '../../../src-renderer/stores/errors';
import { createRosterI18n } from '../../../src-renderer/locales';

const held = sayError('jobHeldElsewhere', {
  job: 'HR → Slack',
  label: 'roster sync',
  pid: '4242',
  host: 'hr-01',
  sinceTime: '12:00:01',
  expiresTime: '12:01:01',
  seconds: '42',
});

describe('a refused command said by its code', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('keeps the English the CLI prints and the code beside it', () => {
    expect(held.message).toBe(
      'HR → Slack is being run by roster sync (process 4242 on host hr-01) since 12:00:01; wait for it to finish, or stop it. ' +
        'If that process is gone without finishing, the job is free again when its lease expires at 12:01:01 (in 42 s).',
    );
    expect(saidOf({ said: held.said, holder: {} })).toEqual(held.said);
    expect(saidOf({ said: { code: 'noSuchCode', params: {} } })).toBeNull();
    expect(saidOf(undefined)).toBeNull();
  });

  it("says the account discovery's refusal in the CLI's words and in Korean", () => {
    const discovering = sayError('discoveryHeldElsewhere', {
      job: 'HR → Slack',
      label: 'roster accounts discover',
      pid: '77',
      host: 'hr-01',
      sinceTime: '09:30:00',
    });
    expect(discovering.message).toBe(
      'Accounts of HR → Slack are being discovered by roster accounts discover (process 77 on host hr-01) ' +
        'since 09:30:00; wait for it to finish, or cancel it there.',
    );
    const ko = createRosterI18n('ko').global;
    expect(ko.t('errorMessages.discoveryHeldElsewhere', discovering.said.params)).toContain(
      'HR → Slack의 계정을 검색하고 있습니다',
    );
  });

  it('keeps the English of the converted refusals word for word', () => {
    expect(
      sayError('appProfileMissingGuess', { id: 'slak', guess: 'slack', known: 'asana, slack' }).message,
    ).toBe('There is no app profile "slak" — did you mean "slack"? (known: asana, slack).');
    expect(sayError('sourceConnectionMissing', { name: 'HR' }).message).toBe(
      'There is no connection named "HR" for the job\'s source. Create it first (Connections).',
    );
    expect(sayError('jobMissing', { id: 'j1' }).message).toBe(
      'There is no job with id j1; it may have been deleted.',
    );
  });

  it('keeps the English of the sandbox, store, vault and job-save refusals word for word', () => {
    const path = '/data/sandbox.sqlite';
    const cases: [string, string][] = [
      [
        sayError('notASandboxDatabase', { path }).message,
        `${path} is not a Roster Sandbox database; choose another file.`,
      ],
      [
        sayError('sandboxDatabaseTooNew', { path, schemaVersion: '9', supportedVersion: '4' }).message,
        `The sandbox database at ${path} was written by a newer version of Roster (schema 9; ` +
          `this version knows up to 4). Install the newer Roster, or choose another file.`,
      ],
      [
        sayError('databaseTooNew', { path: '/data/roster.db', schemaVersion: '30', supportedVersion: '21' })
          .message,
        'The database at /data/roster.db was written by a newer version of Roster (schema 30; ' +
          'this version knows up to 21). Install the newer Roster, or choose another data folder.',
      ],
      [
        sayError('sandboxTokenShape').message,
        'A sandbox token must be 16 to 512 visible ASCII characters, without spaces.',
      ],
      [
        sayError('sandboxNotLoopback', { host: '0.0.0.0' }).message,
        'The Roster Sandbox listens on this computer only (127.0.0.1, localhost or ::1); refusing to listen on "0.0.0.0".',
      ],
      [
        sayError('sandboxPortRange', { port: '70000' }).message,
        'The sandbox port must be 0 to 65535; got 70000.',
      ],
      [
        sayError('sandboxAlreadyRunning', { path }).message,
        `A Roster Sandbox is already running in this process (${path}); stop it before starting another.`,
      ],
      [
        sayError('sandboxPortInUse', { port: '8443', host: '127.0.0.1' }).message,
        'Port 8443 on 127.0.0.1 is already in use; choose another sandbox port.',
      ],
      [
        sayError('sandboxTokenUnusable', { problem: '/d/sandbox-token is readable by others.' }).message,
        'Roster will not use the sandbox token: /d/sandbox-token is readable by others.',
      ],
      [sayError('sandboxTokenEmpty', { path: '/d/t' }).message, 'The sandbox token file /d/t is empty.'],
      [
        sayError('sandboxTokenFixed').message,
        'The Roster Sandbox token is made by Roster and cannot be replaced.',
      ],
      [
        sayError('secretIdUnmappable', { id: '../x' }).message,
        '"../x" is not a secret id Roster can map to a file name.',
      ],
      [
        sayError('jobHasProblems', { name: 'HR', count: '2', problems: 'a — b; c — d' }).message,
        'The job "HR" has 2 problem(s): a — b; c — d',
      ],
      [
        sayError('scimTargetCannotDisable', { job: 'HR', target: 'Slack' }).message,
        `The job "HR" disables leavers (settings.onSourceDelete is "disable"), but its target "Slack" ` +
          'is an app that cannot disable accounts (its connection says userDisable: "notSupported" — the app has no ' +
          '"active" attribute and only deletes). Roster will not delete accounts it was told to disable. Set the job\'s ' +
          'settings.onSourceDelete to "delete" to delete leavers\' accounts, or set the connection\'s userDisable to ' +
          '"activeFalse" if the app does accept active=false.',
      ],
      [
        sayError('ldapTargetCannotDisable', { job: 'HR', target: 'Directory' }).message,
        `The job "HR" disables leavers (settings.onSourceDelete is "disable"), but its target "Directory" ` +
          'is an LDAP connection with no disable attribute, so Roster cannot disable an account there. Either set the ' +
          "connection's disableAttribute and disableValue (for example employeeType = disabled, or pwdAccountLockedTime = " +
          '000001010000Z with the ppolicy overlay; on Active Directory bind as user@domain or set userObjectClass to user, ' +
          'and Roster uses userAccountControl), or set the job\'s settings.onSourceDelete to "delete" to delete leavers\' ' +
          'entries instead.',
      ],
      [
        sayError('importConnectionKindDiffers', { name: 'HR', kind: 'CSV', existingKind: 'LDAP' }).message,
        'The file\'s connection "HR" is CSV, but the existing one is LDAP.',
      ],
      [
        sayError('connectorFailed', { connection: 'HR', problem: 'No such file', location: ' (hr.csv:3)' })
          .message,
        'HR: No such file (hr.csv:3)',
      ],
      [
        sayError('connectionNamedMissingGuess', { name: 'H', guess: 'HR' }).message,
        'There is no connection named "H"; did you mean "HR"?',
      ],
      [
        sayError('connectionNamedMissingSources', { name: 'X', names: '"HR", "AD"' }).message,
        'There is no connection named "X"; the source connections are "HR", "AD".',
      ],
      [
        sayError('connectionNamedMissingTargets', { name: 'X', names: '"Slack"' }).message,
        'There is no connection named "X"; the target connections are "Slack".',
      ],
      [
        sayError('connectionNamedMissingCreate', { name: 'X' }).message,
        'There is no connection named "X"; create one first (Connections).',
      ],
      [
        sayError('connectionCannotBeSource', { name: 'Slack', kind: 'SCIM', kinds: 'CSV or LDAP' }).message,
        '"Slack" is a SCIM connection, which cannot be a source; a source is CSV or LDAP.',
      ],
      [
        sayError('connectionCannotBeTarget', { name: 'HR', kind: 'CSV', kinds: 'SCIM or LDAP' }).message,
        '"HR" is a CSV connection, which cannot be a target; a target is SCIM or LDAP.',
      ],
      [
        sayError('draftHoldsSecret', { paths: 'data.password' }).message,
        'A draft cannot hold secrets, and data.password looks like one. ' +
          'Drafts are stored unencrypted; keep secrets in the connection (they go to the keychain) and leave them out of the draft.',
      ],
      [
        sayError('draftHoldsSecrets', { paths: 'data.password, data.token' }).message,
        'A draft cannot hold secrets, and data.password, data.token look like one. ' +
          'Drafts are stored unencrypted; keep secrets in the connection (they go to the keychain) and leave them out of the draft.',
      ],
      [sayError('accountReportNotStored').message, 'The account report was not stored.'],
      [sayError('exportWroteNoFile').message, 'The export wrote no file'],
      [
        sayError('browseFailed', { dn: 'ou=people,dc=x', problem: 'No such object' }).message,
        'Could not read the directory below "ou=people,dc=x": No such object',
      ],
      [
        sayError('browseRootFailed', { problem: 'Busy' }).message,
        'Could not read the directory below "the root": Busy',
      ],
      [
        sayError('connectionSettingsInvalid', { kind: 'SCIM', problems: 'settings.baseUrl — Required' })
          .message,
        'The SCIM connection settings are not valid: settings.baseUrl — Required',
      ],
      [
        sayError('noSuchSecretFields', { kind: 'SCIM', fields: 'pin', allowed: 'bearerToken' }).message,
        'A SCIM connection has no secret field pin (it has: bearerToken)',
      ],
      [
        sayError('noSecretFields', { kind: 'CSV', fields: 'pin, key' }).message,
        'A CSV connection has no secret field pin, key (it has no secret fields)',
      ],
      [sayError('jobSourceConnectionGone').message, 'The source connection of this job no longer exists.'],
      [sayError('jobConnectionGone').message, 'A connection this job uses no longer exists.'],
      [
        sayError('connectionCannotBeSourceYet', { kind: 'SCIM', name: 'Slack' }).message,
        'A SCIM connection ("Slack") cannot be a source yet.',
      ],
      [
        sayError('connectionCannotBeTargetYet', { kind: 'CSV', name: 'HR' }).message,
        'A CSV connection ("HR") cannot be a target yet.',
      ],
      [
        sayError('connectionCannotBeBrowsed', { kind: 'CSV', name: 'HR' }).message,
        'A CSV connection ("HR") cannot be a directory to browse yet.',
      ],
      [
        sayError('cycleAboutToStart').message,
        'A cycle of this job is about to start. Wait for it to finish, or cancel it.',
      ],
      [
        sayError('jobBusy', { job: 'HR', holder: 'roster run', pid: '7', host: 'h', since: 'T' }).message,
        'HR is being run by roster run (process 7 on host h) since T. Try again when it has finished, or cancel that cycle first.',
      ],
      [
        sayError('cancelledWhileWaiting').message,
        'Provision on demand was cancelled while it waited for the running cycle.',
      ],
      [sayError('unknownCommand', { command: 'x.y' }).message, 'Roster has no command "x.y".'],
      [
        sayError('invalidCommandInput', { command: 'jobs.get', problems: 'id — Required' }).message,
        'Invalid input for jobs.get: id — Required',
      ],
      [
        sayError('unexpectedProblem', { command: 'jobs.get', error: 'boom' }).message,
        'Roster hit an unexpected problem running jobs.get: boom',
      ],
    ];
    for (const [said, english] of cases) expect(said).toBe(english);
  });

  it('says a keychain problem as the CLI does (message, then remedy) and in Korean with the commands untouched', () => {
    for (const kind of Object.keys(vaultProblemMessageCodes) as VaultProblemKind[]) {
      const english = vaultProblemEnglish(kind, 'the folder is open to others');
      const said = vaultProblemSaid(kind, 'the folder is open to others');
      expect(sayError(said.code, said.params).message, kind).toBe(`${english.message} ${english.remedy}`);
    }
    const ko = createRosterI18n('ko').global;
    const noBus = vaultProblemSaid('noSessionBus');
    const korean = ko.t(`errorMessages.${noBus.code}`, noBus.params);
    expect(korean).toContain('데스크톱 세션 버스(D-Bus)');
    expect(korean).toContain(vaultCommands.keyringCommand);
    expect(korean).toContain(vaultCommands.secretsDirCommand);
  });

  it('keeps the English of the credentials directory refusals word for word', () => {
    const where = { dir: '/run/creds', from: '--secrets-dir', name: 'a.b', path: '/run/creds/a.b' };
    expect(sayError('secretsDirNeedsFile', where).message).toBe(
      'Roster reads secrets from the credentials directory /run/creds (from --secrets-dir) and never writes there, and /run/creds/a.b ' +
        'does not hold this value yet. As the user Roster runs as, run: (umask 077; cat > /run/creds/a.b) — paste the value, then press Ctrl+D. ' +
        'Then save again: Roster records that it uses that file.',
    );
    expect(sayError('secretsDirNeedsCredential', { ...where, from: 'CREDENTIALS_DIRECTORY' }).message).toBe(
      'Roster reads secrets from the credentials directory /run/creds (from CREDENTIALS_DIRECTORY) and never writes there, and /run/creds/a.b ' +
        'does not hold this value yet. Add LoadCredential=a.b:/etc/roster/credentials/a.b (or LoadCredentialEncrypted=) to the service unit, ' +
        'put the value in that file (root-owned, mode 0600), then run systemctl daemon-reload and restart the service. ' +
        'Then save again: Roster records that it uses that file.',
    );
    expect(sayError('secretsDirKeepsFile', where).message).toBe(
      'Roster reads secrets from the credentials directory /run/creds (from --secrets-dir) and never removes files there. ' +
        'Remove the file (rm /run/creds/a.b), then retry.',
    );
    expect(sayError('secretsDirKeepsCredential', { ...where, from: 'CREDENTIALS_DIRECTORY' }).message).toBe(
      'Roster reads secrets from the credentials directory /run/creds (from CREDENTIALS_DIRECTORY) and never removes files there. ' +
        'Remove the LoadCredential=a.b: line from the service unit and restart the service, then retry.',
    );
    expect(sayError('secretFileUnreadable', { problem: '/x is not a regular file.' }).message).toBe(
      'Roster will not read the secret file: /x is not a regular file.',
    );
    expect(sayError('credentialsDirUnusable', { problem: '/x is not a folder.' }).message).toBe(
      '/x is not a folder.',
    );
  });

  it('says the new refusals in Korean, every parameter in place', () => {
    const ko = createRosterI18n('ko').global;
    expect(ko.t('errorMessages.sandboxPortInUse', { port: '8443', host: '127.0.0.1' })).toBe(
      '127.0.0.1의 포트 8443은(는) 이미 사용 중입니다. 다른 샌드박스 포트를 고르세요.',
    );
    expect(ko.t('errorMessages.jobHasProblems', { name: 'HR', count: '2', problems: 'x — y' })).toBe(
      '작업 “HR”에 문제가 2개 있습니다. 필드별 내용: x — y',
    );
    expect(ko.t('errorMessages.exportWroteNoFile')).toContain('내부 오류');
  });

  it("the app's English catalogue says exactly the main process's English", () => {
    const i18n = createRosterI18n('en').global;
    expect(i18n.t('errorMessages.jobHeldElsewhere', held.said.params)).toBe(held.message);
    for (const code of errorMessageCodes) expect(i18n.te(`errorMessages.${code}`), code).toBe(true);
  });

  it('the error presenter says it in Korean from the code', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const host = defineComponent({ setup: () => () => h(NNotificationProvider, () => h(ErrorPresenter)) });
    mount(host, { global: { plugins: [pinia, createRosterI18n('ko')] }, attachTo: document.body });
    useErrorsStore().report(
      new ApiError({ code: 'conflict', message: held.message, details: { said: held.said } }),
    );
    await nextTick();
    await nextTick();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      '12:00:01부터 roster sync(호스트 hr-01의 프로세스 4242)이(가) HR → Slack을(를) 실행하고 있습니다.',
    );
    expect(text).not.toContain('is being run by');
  });
});
