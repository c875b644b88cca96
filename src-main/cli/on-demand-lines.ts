import type { OnDemandResult, OnDemandStep } from '@shared/domain/on-demand';

const names: Record<OnDemandStep['detail']['kind'], string> = {
  wait: 'Wait',
  connection: 'Test connection',
  import: 'Import',
  scope: 'Scope check',
  match: 'Match',
  action: 'Action',
  references: 'References',
};

const marks: Record<OnDemandStep['status'], string> = {
  success: 'ok',
  warning: 'WARNING',
  failure: 'FAILED',
  skipped: 'skipped',
  waiting: 'waiting',
};

/** One step of `roster provision` as the admin reads it: a heading line, then its detail indented. */
export function stepLines(step: OnDemandStep): string[] {
  const who = step.object ? ` ${step.object.displayName} (${step.object.anchor})` : '';
  const lines = [`[${step.seq}] ${names[step.detail.kind]}${who}: ${marks[step.status]} — ${step.summary}`];
  const d = step.detail;
  const indent = (text: string) => lines.push(`      ${text}`);
  switch (d.kind) {
    case 'import':
      for (const a of d.attributes) indent(`${a.name} = ${a.value}`);
      break;
    case 'scope':
      indent(`activeInSource: ${d.activeInSource}`);
      indent(d.assignment === 'scopeAll' ? 'scopeAll: true' : `assigned: ${d.assignment === 'assigned'}`);
      for (const c of d.clauses)
        indent(`${c.filter} ${c.attribute} ${c.operator} ${c.value} → ${c.result} (actual: ${c.actual})`);
      break;
    case 'match':
      for (const q of d.queries)
        indent(
          `${q.attribute} eq "${q.value}" → ${q.found.length} found${q.found.length ? `: ${q.found.map((f) => f.id).join(', ')}` : ''}`,
        );
      break;
    case 'action':
      for (const a of d.attributes)
        indent(`${a.displayName}: ${a.oldValue ?? '(empty)'} → ${a.newValue ?? '(empty)'}`);
      break;
    case 'references':
      for (const l of d.lines) indent(`${l.step}: ${l.description}`);
      break;
    default:
      break;
  }
  if (step.error) {
    indent(`${step.error.code}: ${step.error.message}`);
    indent(`What to do: ${step.error.recommendedAction}`);
  }
  return lines;
}

export function resultLine(result: OnDemandResult): string {
  const seconds = ((Date.parse(result.endedAt) - Date.parse(result.startedAt)) / 1000).toFixed(1);
  return `Provision on demand ${result.runId}: ${result.status} in ${seconds} s.`;
}
