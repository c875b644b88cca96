// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import VaultProblemAlert from '../../../src-renderer/components/vault-problem-alert.vue';
import { createRosterI18n } from '../../../src-renderer/locales';
import type { VaultStatus } from '@shared/domain/app-info';
import { vaultCommands, vaultProblemEnglish } from '../../../src-shared/domain/vault-problem-texts';
import { vaultProblemKinds } from './vault-problem-kinds';

function render(status: VaultStatus, locale: 'en' | 'ko') {
  const wrapper = mount(VaultProblemAlert, {
    props: { status },
    global: { plugins: [createRosterI18n(locale)] },
  });
  const text = (test: string) => wrapper.find(`[data-test="${test}"]`).text();
  return { message: text('vault-problem-message'), remedy: text('vault-problem-remedy') };
}

describe('the keychain problem alert', () => {
  // What keychain-problems.ts makes of keytar's "Cannot autolaunch D-Bus without X11 $DISPLAY".
  const noBus: VaultStatus = {
    available: false,
    backend: 'Secret Service',
    problem: {
      kind: 'noSessionBus',
      ...vaultProblemEnglish('noSessionBus'),
      detail: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
    },
  };

  it('says in English exactly what the main process (and the CLI) says', () => {
    const shown = render(noBus, 'en');
    expect(shown.message).toBe(noBus.problem?.message);
    expect(shown.remedy).toBe(`What to do: ${noBus.problem?.remedy}`);
  });

  it('says it in Korean with the commands to copy left untranslated', () => {
    const shown = render(noBus, 'ko');
    expect(shown.message).toContain('데스크톱 세션 버스(D-Bus)');
    expect(shown.remedy).toContain(vaultCommands.keyringCommand);
    expect(shown.remedy).toContain(vaultCommands.secretsDirCommand);
    expect(shown.remedy).not.toContain('Run Roster inside');
  });

  it("the app's English catalogue renders every kind as the main process fills it", () => {
    const i18n = createRosterI18n('en').global;
    for (const kind of vaultProblemKinds) {
      const english = vaultProblemEnglish(kind, 'the folder is open to other users');
      const params = {
        ...vaultCommands,
        headless: i18n.t('vaultProblems.headless', { ...vaultCommands }),
        problem: 'the folder is open to other users',
      };
      expect(i18n.t(`vaultProblems.${kind}.message`, params), kind).toBe(english.message);
      expect(i18n.t(`vaultProblems.${kind}.remedy`, params), kind).toBe(english.remedy);
    }
  });
});
