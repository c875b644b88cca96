import 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring';

declare module 'vitest' {
  export interface ProvidedContext {
    keyringEnv: Record<string, string>;
  }
}

let keyring: PrivateKeyring | null = null;

/** One private keyring for the whole run of a project; test files read its address with inject(). */
export async function setup(project: TestProject): Promise<void> {
  keyring = await startPrivateKeyring();
  project.provide('keyringEnv', keyring.env);
}

export async function teardown(): Promise<void> {
  await keyring?.stop();
}
