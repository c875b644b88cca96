/**
 * One fact learned on the way: an English label and value, and where the words are Roster's own,
 * their codes (renderer locales `connectionTest.labels` / `connectionTest.values`).
 */
export interface ConnectionTestDetail {
  label: string;
  value: string;
  labelCode?: string;
  valueCode?: string;
  valueParams?: Record<string, string>;
}

/** What "Test connection" shows: a verdict, a sentence, and facts learned on the way. */
export interface ConnectionTestResult {
  ok: boolean;
  /** English (CLI, logs); the app says `summaryCode` with `summaryParams` in the admin's language. */
  summary: string;
  summaryCode?: string;
  summaryParams?: Record<string, string>;
  details: ConnectionTestDetail[];
  error?: {
    code: string;
    message: string;
    /**
     * What kind of failure it is, so a cycle can decide whether to stop: `credentials` (401/403),
     * `incompatible` (not a SCIM endpoint, wrong URL, a filter it cannot do), `unreachable` (refused,
     * DNS, TLS), `transient` (429, 5xx, timeouts, an unreadable answer, still failing after retries).
     */
    kind?: 'credentials' | 'incompatible' | 'unreachable' | 'transient';
  };
}
