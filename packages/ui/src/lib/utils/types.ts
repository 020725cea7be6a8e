/** Props shared by every component that renders one element: a bindable `ref` to it. */
export type WithElementRef<T, E extends HTMLElement = HTMLElement> = T & { ref?: E | null };
