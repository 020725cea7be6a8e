import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { jsonReply, textReply } from "../http/reply.ts";
import type { EmulatorState } from "../state.ts";
import { ORG_ID } from "./ids.ts";
import { identityUrl } from "./token-response.ts";
import type { AccessRecord } from "./tokens-store.ts";
import type { EmulatorUser } from "./users.ts";

/** The caller's live access token, from the bearer header or `oauth_token`/`access_token` query. */
function caller(ctx: RequestContext): AccessRecord | Reply {
  const token =
    ctx.bearerToken() ??
    ctx.url.searchParams.get("oauth_token") ??
    ctx.url.searchParams.get("access_token");
  if (!token) return textReply(403, "Missing_OAuth_Token");
  const { state } = ctx;
  const record = state.tokens.useAccess(token, state.now(), state.sessionTimeoutMs);
  return record ?? textReply(403, "Bad_OAuth_Token");
}

function urls(
  state: EmulatorState,
  user: EmulatorUser,
  version: string | null,
): Record<string, string> {
  const v = version === "latest" ? "62.0" : (version ?? "{version}");
  const data = `${state.baseUrl}/services/data/v${v}`;
  return {
    enterprise: `${state.baseUrl}/services/Soap/c/${v}/${ORG_ID}`,
    metadata: `${state.baseUrl}/services/Soap/m/${v}/${ORG_ID}`,
    partner: `${state.baseUrl}/services/Soap/u/${v}/${ORG_ID}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    tooling_soap: `${state.baseUrl}/services/Soap/T/${v}/${ORG_ID}`,
    tooling_rest: `${data}/tooling/`,
    profile: `${state.baseUrl}/${user.id}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    feed_elements: `${data}/chatter/feed-elements`,
    custom_domain: state.baseUrl,
  };
}

function photos(state: EmulatorState) {
  return {
    picture: `${state.baseUrl}/profilephoto/005/F`,
    thumbnail: `${state.baseUrl}/profilephoto/005/T`,
  };
}

/** `GET /id/<orgId>/<userId>`: the identity of the token's own user. */
export function identity(ctx: RequestContext, orgId: string, userId: string): Reply {
  const access = caller(ctx);
  if ("status" in access) return access;
  const { state } = ctx;
  const user = state.users.byId(access.userId);
  if (!user || orgId !== ORG_ID || userId !== access.userId) return textReply(403, "Bad_Id");
  return jsonReply(200, {
    id: identityUrl(state, user.id),
    asserted_user: true,
    user_id: user.id,
    organization_id: ORG_ID,
    username: user.username,
    nick_name: user.username.split("@")[0],
    display_name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    email_verified: true,
    first_name: user.firstName,
    last_name: user.lastName,
    timezone: "America/Los_Angeles",
    photos: photos(state),
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: "US",
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(state, user, ctx.url.searchParams.get("version")),
    active: true,
    user_type: "STANDARD",
    language: "en_US",
    locale: "en_US",
    utcOffset: -28800000,
    last_modified_date: new Date(state.now()).toISOString().replace("Z", "+0000"),
    is_app_installed: true,
  });
}

/** `GET /services/oauth2/userinfo`: OpenID Connect claims of the token's user. */
export function userinfo(ctx: RequestContext): Reply {
  const access = caller(ctx);
  if ("status" in access) return access;
  const { state } = ctx;
  const user = state.users.byId(access.userId);
  if (!user) return textReply(403, "Bad_OAuth_Token");
  return jsonReply(200, {
    sub: identityUrl(state, user.id),
    user_id: user.id,
    organization_id: ORG_ID,
    preferred_username: user.username,
    nickname: user.username.split("@")[0],
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    email_verified: true,
    given_name: user.firstName,
    family_name: user.lastName,
    zoneinfo: "America/Los_Angeles",
    photos: photos(state),
    profile: `${state.baseUrl}/${user.id}`,
    picture: photos(state).picture,
    address: { country: "US" },
    is_salesforce_integration_user: false,
    urls: urls(state, user, null),
    active: true,
    user_type: "STANDARD",
    language: "en_US",
    locale: "en_US",
    utcOffset: -28800000,
    updated_at: new Date(state.now()).toISOString().replace("Z", "+0000"),
    is_app_installed: true,
  });
}
