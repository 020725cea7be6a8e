import Root from "./select.svelte";

export { Root, Root as NativeSelect };
