/**
 * @portal/core/oauth: Salesforce's OAuth 2.0 web-server flow with PKCE, on Web APIs only.
 */
export {
  LoginHostError,
  OAuthRequestError,
  SalesforceApiError,
  UnexpectedResponseError,
  UpstreamFetchError,
} from "../errors.ts";
export { parseCallback, type CallbackInvalidReason, type CallbackResult } from "./callback.ts";
export {
  SalesforceOAuthClient,
  type AuthorizationRequest,
  type RefreshResult,
  type SalesforceOAuthClientOptions,
} from "./client.ts";
export {
  classifyErrorResponse,
  failureToError,
  type OAuthFailure,
  type OAuthFailureReason,
  type OAuthOperation,
} from "./failures.ts";
export { assertSalesforceUrl, parseLoginUrl, type HostCheckOptions } from "./hosts.ts";
export {
  parseIdentity,
  parseIdUrl,
  parseIntrospection,
  parseUserInfo,
  type SalesforceIdentity,
  type SalesforceUserInfo,
  type TokenIntrospection,
} from "./identity.ts";
export { createS256CodeChallenge, generateCodeVerifier, generateState } from "./pkce.ts";
export {
  ASSUMED_ACCESS_TOKEN_TTL_MS,
  REFRESH_FAILURE_COOLDOWN_MS,
  REFRESH_MARGIN_MS,
  REFRESH_RETRY,
  retryDelayMs,
  shouldRefresh,
  shouldRetry,
  type RefreshDecisionInput,
  type RefreshReason,
} from "./refresh-policy.ts";
export { retryOAuthCall, type RetryOptions } from "./retry.ts";
export {
  buildAuthorizationUrl,
  buildCodeExchangeRequest,
  buildIdentityRequest,
  buildIntrospectRequest,
  buildRefreshRequest,
  buildRevokeRequest,
  buildUserInfoRequest,
  DEFAULT_SCOPES,
  type AuthorizationUrlParams,
  type Prompt,
} from "./requests.ts";
export {
  defaultFetch,
  sendJsonRequest,
  sendRevokeRequest,
  sendTokenRequest,
  type Fetch,
  type RevokeResult,
  type TokenResult,
} from "./send.ts";
export { verifySignature } from "./signature.ts";
export { parseTokenResponse, type ParsedTokens, type SalesforceTokens } from "./tokens.ts";
