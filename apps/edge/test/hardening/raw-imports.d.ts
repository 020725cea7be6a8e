// Vite's `?raw` imports (a file's text), used to check apps/web/static/_headers.
declare module "*?raw" {
  const text: string;
  export default text;
}
