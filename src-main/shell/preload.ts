import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels } from '@shared/ipc-channels';

/**
 * The renderer's whole view of the main process: one invoke and one event subscription. Command names
 * and inputs are checked in the main process against the contract; nothing here trusts the caller.
 */
contextBridge.exposeInMainWorld('roster', {
  invoke: (command: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(ipcChannels.invoke, command, input),
  on: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(ipcChannels.event, wrapped);
    return () => ipcRenderer.removeListener(ipcChannels.event, wrapped);
  },
});
