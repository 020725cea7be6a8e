import Root, { progressVariants, type ProgressTone } from "./progress.svelte";
import { progressPercent } from "./percent.ts";

export { Root, Root as Progress, progressPercent, progressVariants, type ProgressTone };
