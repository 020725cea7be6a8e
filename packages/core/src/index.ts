/**
 * @portal/core: Salesforce OAuth, token sealing and the Read Design engine, on Web APIs only.
 */
export { API_VERSION } from "./salesforce/api-version.ts";
