import { logMessageTemplates, type LogMessageCode } from '@shared/domain/log-messages';

/**
 * English sentences of the engine's log message codes (merged into en.ts as `logMessages`): the
 * engine's own templates (src-shared/domain/log-messages.ts), so the two can never differ.
 */
export const enLogMessages: Record<LogMessageCode, string> = { ...logMessageTemplates };
