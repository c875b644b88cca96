import type { Ref } from 'vue';

/**
 * A store value that reads and news both set: a read is a load's answer (`settings.get`), news is an
 * app event (`settings.changed`) or an action's own answer (`settings.update`).
 *
 * Events come by another path than answers (in browser mode an event stream beside fetch), so a read
 * asked before a change can answer after the change's event, and would bring the older value back
 * (the Accounts page showed a discovery running that had ended, this way). A read therefore keeps its
 * answer only when no news came while it was under way.
 */
export interface NewestValue<T> {
  /** Sets a value known to be current: an event, or the answer to the admin's own change. */
  set(value: T): void;
  /** Runs `read` and keeps its answer unless news came meanwhile; says whether it was kept. */
  read(read: () => Promise<T>): Promise<boolean>;
}

export function newestValue<T>(target: Ref<T>): NewestValue<T> {
  let version = 0;
  return {
    set(value) {
      version++;
      target.value = value;
    },
    async read(read) {
      const asked = version;
      const value = await read();
      if (asked !== version) return false;
      version++;
      target.value = value;
      return true;
    },
  };
}
