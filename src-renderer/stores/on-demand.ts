import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  OnDemandCandidate,
  OnDemandResult,
  OnDemandSearchResult,
  OnDemandStep,
} from '@shared/domain/on-demand';
import { maxOnDemandMembers } from '@shared/domain/on-demand';
import { call, onEvent } from '../api';
import { useErrorsStore } from './errors';
import { latestRequest } from './latest-request';

/**
 * Provision on demand (§13) in the UI: search the job's source, choose a user (or a group and up to
 * five members), run, and collect the steps as the app streams them. The run id is chosen here, so
 * the first step cannot arrive before the page knows which run it belongs to.
 */
export const useOnDemandStore = defineStore('onDemand', () => {
  const kind = ref<'user' | 'group'>('user');
  const query = ref('');
  const searching = ref(false);
  const found = ref<OnDemandSearchResult | null>(null);
  const chosen = ref<OnDemandCandidate | null>(null);
  const members = ref<string[]>([]);
  const runId = ref<string | null>(null);
  const steps = ref<OnDemandStep[]>([]);
  const result = ref<OnDemandResult | null>(null);
  const running = computed(() => runId.value !== null && result.value === null);
  let subscribed = false;
  /**
   * Counts searches (and resets): only the latest one's answer is shown. Searches take different
   * queries and may answer out of order; an older answer arriving last showed candidates for a query
   * no longer in the box, and could choose one of them for the admin.
   */
  const latestSearch = latestRequest();

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    onEvent('onDemand.step', (step) => {
      if (step.runId === runId.value && !steps.value.some((s) => s.seq === step.seq)) steps.value.push(step);
    });
    onEvent('onDemand.finished', (finished) => {
      if (finished.runId !== runId.value) return;
      result.value = finished;
      // Steps sent while the page was busy are in the result as well.
      for (const step of finished.steps)
        if (!steps.value.some((s) => s.seq === step.seq)) steps.value.push(step);
      steps.value.sort((a, b) => a.seq - b.seq);
      // The search result said "not provisioned yet": say what is true now.
      const target = chosen.value;
      const linkedNow = finished.steps.some(
        (s) =>
          s.object?.anchor === target?.anchor && s.detail.kind === 'action' && s.detail.targetId !== null,
      );
      if (target && linkedNow) chosen.value = { ...target, linked: true };
      if (found.value && target && linkedNow)
        found.value = {
          ...found.value,
          candidates: found.value.candidates.map((c) =>
            c.anchor === target.anchor ? { ...c, linked: true } : c,
          ),
        };
    });
  }

  function reset(next: { kind?: 'user' | 'group'; query?: string } = {}): void {
    kind.value = next.kind ?? kind.value;
    query.value = next.query ?? '';
    latestSearch.drop();
    searching.value = false;
    found.value = null;
    chosen.value = null;
    members.value = [];
    runId.value = null;
    steps.value = [];
    result.value = null;
  }

  async function search(jobId: string): Promise<void> {
    if (query.value.trim() === '') return;
    const current = latestSearch.next();
    searching.value = true;
    try {
      const answer = await call('onDemand.search', { jobId, kind: kind.value, query: query.value });
      if (!current()) return;
      found.value = answer;
      const first = answer.candidates[0];
      // One exact hit (a key from a log entry) is chosen for the admin.
      if (answer.candidates.length === 1 && first) choose(first);
    } catch (error) {
      if (current()) useErrorsStore().report(error);
    } finally {
      if (current()) searching.value = false;
    }
  }

  function choose(candidate: OnDemandCandidate): void {
    chosen.value = candidate;
    members.value = [];
  }

  async function run(jobId: string): Promise<void> {
    const target = chosen.value;
    if (!target || running.value || members.value.length > maxOnDemandMembers) return;
    subscribe();
    const id = crypto.randomUUID();
    runId.value = id;
    steps.value = [];
    result.value = null;
    try {
      await call(
        'onDemand.run',
        target.type === 'Group'
          ? { kind: 'group', jobId, query: target.anchor, members: members.value, runId: id }
          : { kind: 'user', jobId, query: target.anchor, runId: id },
      );
    } catch (error) {
      runId.value = null;
      useErrorsStore().report(error);
    }
  }

  async function cancel(): Promise<void> {
    if (runId.value) await call('onDemand.cancel', { runId: runId.value }).catch(() => undefined);
  }

  return {
    kind,
    query,
    searching,
    found,
    chosen,
    members,
    runId,
    steps,
    result,
    running,
    reset,
    search,
    choose,
    run,
    cancel,
  };
});
