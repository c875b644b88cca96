import { describe, expect, it } from 'vitest';
import { latestRequest } from '../../../src-renderer/stores/latest-request';

describe('latestRequest', () => {
  it('keeps only the newest replacing request current', () => {
    const latest = latestRequest();
    const first = latest.next();
    expect(first()).toBe(true);
    const second = latest.next();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('lets a continuing request share the current ticket until a new request starts', () => {
    const latest = latestRequest();
    const reload = latest.next();
    const page = latest.same();
    // A next page does not stop the request it continues.
    expect(reload()).toBe(true);
    expect(page()).toBe(true);
    const filtered = latest.next();
    expect(page()).toBe(false);
    expect(reload()).toBe(false);
    expect(filtered()).toBe(true);
  });

  it('drops every request under way on a reset', () => {
    const latest = latestRequest();
    const search = latest.next();
    latest.drop();
    expect(search()).toBe(false);
    expect(latest.next()()).toBe(true);
  });
});
