/**
 * IPC channel names of the Electron transport. Kept apart from contract.ts so the sandboxed preload
 * bundles these two strings and nothing else.
 */
export const ipcChannels = { invoke: 'roster:invoke', event: 'roster:event' } as const;
