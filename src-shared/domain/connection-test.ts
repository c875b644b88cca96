/** What "Test connection" shows: a verdict, a sentence, and facts learned on the way. */
export interface ConnectionTestResult {
  ok: boolean;
  summary: string;
  details: { label: string; value: string }[];
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
