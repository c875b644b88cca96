import { describe, expect, it } from 'vitest';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import type { PlanItem } from '@shared/domain/provisioning';
import { planActionLabel, planColumns } from '../../../src-renderer/components/plan-columns';

const labels: Record<string, string> = {
  'ux.planLink': 'Link only',
  'provisioning.actions.create': 'Create',
  'provisioning.plan.empty': '(empty)',
};
const t = (key: string) => labels[key] ?? key;

function item(overrides: Partial<PlanItem>): PlanItem {
  return {
    seq: 1,
    objectType: 'User',
    anchor: 'E1001',
    displayName: 'Ada Lovelace',
    situation: 'unmatched',
    action: 'create',
    targetId: null,
    changes: [],
    note: null,
    ...overrides,
  };
}

async function renderCell(columnKey: string, row: PlanItem, noteText = (note: string) => `«${note}»`) {
  const columns = planColumns({
    t,
    noteText,
    noChanges: 'No attribute changes',
    widths: { object: 200, situation: 100, action: 100, changesMin: 200 },
  });
  const column = columns.find((c) => 'key' in c && c.key === columnKey);
  if (!column || !('render' in column) || !column.render) throw new Error(`no column ${columnKey}`);
  const vnode = column.render(row, 0);
  return renderToString(createSSRApp({ render: () => vnode }));
}

describe('plan columns (the job page and the wizard review share them)', () => {
  it('labels a link line "Link only", not a missing log action key', () => {
    expect(planActionLabel(t, 'link')).toBe('Link only');
    expect(planActionLabel(t, 'create')).toBe('Create');
  });

  it('shows a created value without an "empty →" before it, and an update with old → new', async () => {
    const created = await renderCell(
      'changes',
      item({ changes: [{ displayName: 'userName', oldValue: null, newValue: 'ada@example.com' }] }),
    );
    expect(created).toContain('ada@example.com');
    expect(created).not.toContain('→');
    const updated = await renderCell(
      'changes',
      item({ action: 'update', changes: [{ displayName: 'title', oldValue: 'Analyst', newValue: null }] }),
    );
    expect(updated).toContain('Analyst');
    expect(updated).toContain('→');
    expect(updated).toContain('(empty)');
  });

  it("translates a line's note through the caller and says 'no changes' when there is none", async () => {
    expect(
      await renderCell('changes', item({ action: 'skip', note: 'Matched; nothing to change.' })),
    ).toContain('«Matched; nothing to change.»');
    expect(await renderCell('changes', item({ action: 'skip' }))).toContain('No attribute changes');
  });
});
