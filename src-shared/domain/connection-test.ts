/** What "Test connection" shows: a verdict, a sentence, and facts learned on the way. */
export interface ConnectionTestResult {
  ok: boolean;
  summary: string;
  details: { label: string; value: string }[];
  error?: { code: string; message: string };
}
