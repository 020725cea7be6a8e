import { getContext, setContext } from "svelte";

export type ToastKind = "info" | "success" | "error";

export type Toast = {
  readonly id: number;
  readonly kind: ToastKind;
  readonly title: string;
  readonly description: string | null;
};

/** How long a toast stays before it leaves by itself. Errors stay longer: they need reading. */
export const TOAST_DURATION_MS = 5_000;
export const ERROR_TOAST_DURATION_MS = 10_000;

/**
 * The app's toasts: a reactive list plus timers that dismiss each one.
 * Read `toasts` from the instance; do not destructure it (that would lose reactivity).
 *
 * @example
 * const toaster = useToaster();
 * toaster.success("API key deleted");
 */
export class ToastState {
  toasts = $state<Toast[]>([]);
  #nextId = 1;
  // Timers are bookkeeping, not UI: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows a toast and returns its id. */
  add(kind: ToastKind, title: string, description: string | null = null): number {
    const id = this.#nextId++;
    this.toasts = [...this.toasts, { id, kind, title, description }];
    const durationMs = kind === "error" ? ERROR_TOAST_DURATION_MS : TOAST_DURATION_MS;
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), durationMs),
    );
    return id;
  }

  success(title: string, description: string | null = null): number {
    return this.add("success", title, description);
  }

  info(title: string, description: string | null = null): number {
    return this.add("info", title, description);
  }

  error(title: string, description: string | null = null): number {
    return this.add("error", title, description);
  }

  /** Removes a toast; unknown ids are ignored. */
  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }
}

const TOASTER_KEY = Symbol("toaster");

/**
 * Makes a toaster available to every component below the caller (call it in the root layout).
 *
 * @example setToaster(new ToastState());
 */
export function setToaster(state: ToastState = new ToastState()): ToastState {
  return setContext(TOASTER_KEY, state);
}

/**
 * The toaster set by an ancestor with `setToaster()`.
 *
 * @example const toaster = useToaster(); toaster.error("Could not save");
 */
export function useToaster(): ToastState {
  const state = getContext<ToastState | undefined>(TOASTER_KEY);
  if (!state) throw new Error("useToaster() needs setToaster() in an ancestor component.");
  return state;
}
