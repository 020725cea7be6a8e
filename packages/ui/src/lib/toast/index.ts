import Root, { toastVariants } from "./toaster.svelte";
import {
  ERROR_TOAST_DURATION_MS,
  TOAST_DURATION_MS,
  ToastState,
  setToaster,
  useToaster,
  type Toast,
  type ToastKind,
} from "./toast-state.svelte.ts";

export {
  Root,
  Root as Toaster,
  toastVariants,
  ToastState,
  setToaster,
  useToaster,
  TOAST_DURATION_MS,
  ERROR_TOAST_DURATION_MS,
  type Toast,
  type ToastKind,
};
