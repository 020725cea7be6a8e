/**
 * Data a page loads itself, with the loading and error states the page shows meanwhile.
 * Read fields from the instance (`resource.data`); destructuring loses reactivity.
 *
 * @example
 * const services = new Resource(() => api.services.list());
 * onMount(() => services.reload());
 */
export class Resource<T> {
  data = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  loading = $state(true);
  #load: () => Promise<T>;
  #generation = 0;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** Loads again; an answer that arrives after a newer reload is dropped. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const data = await this.#load();
      if (generation === this.#generation) this.data = data;
    } catch (error) {
      if (generation === this.#generation) this.error = error;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Replaces the data after a local change (e.g. a created item), without a request. */
  set(data: T): void {
    this.data = data;
  }
}
