import { z } from "@hono/zod-openapi";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/better-auth.ts";
import { CONNECTION_STATUSES, ENVIRONMENTS, ROLES } from "../db/schema.ts";

// Response and request shapes of the contract (docs/api-contract.md); one source for validation,
// the OpenAPI document and the typed client.

/** OpenAPI `security` of routes that take the session cookie only (API keys get 403). */
export const COOKIE_ONLY: Record<string, string[]>[] = [{ session: [] }];

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export const OkSchema = z.object({ ok: z.literal(true) }).openapi("Ok");

const IsoTime = z.string().openapi({ format: "date-time", example: "2026-05-01T12:00:00.000Z" });

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string() })
  .openapi("User");

export const OrganizationSchema = z
  .object({ id: z.string(), name: z.string() })
  .openapi("Organization");

export const RoleSchema = z.enum(ROLES).openapi("Role");

export const MeSchema = z
  .object({ user: UserSchema, organization: OrganizationSchema, role: RoleSchema })
  .openapi("Me");

export const MemberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    createdAt: IsoTime,
  })
  .openapi("Member");

export const ServiceSchema = z.object({ id: z.string(), name: z.string() }).openapi("Service");

export const EnvironmentSchema = z.enum(ENVIRONMENTS).openapi("Environment");

export const ConnectionSchema = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    code: z.string().openapi({ example: "SFORCE001" }),
    environment: EnvironmentSchema,
    loginUrl: z.string().openapi({ example: "https://login.salesforce.com" }),
    status: z.enum(CONNECTION_STATUSES),
    instanceUrl: z.string().nullable(),
    salesforce: z
      .object({
        userId: z.string(),
        orgId: z.string(),
        username: z.string().nullable(),
        displayName: z.string().nullable(),
      })
      .nullable(),
    authorizedAt: IsoTime.nullable(),
    lastRefreshAt: IsoTime.nullable(),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    design: z
      .object({
        status: z.string(),
        lastReadAt: IsoTime.nullable(),
        objects: z.number().int(),
        fields: z.number().int(),
      })
      .nullable(),
  })
  .openapi("Connection");

export const AccessTokenSchema = z
  .object({ accessToken: z.string(), instanceUrl: z.string(), issuedAt: IsoTime })
  .openapi("AccessToken");

export const TestResultSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      identity: z.object({
        userId: z.string(),
        orgId: z.string(),
        username: z.string().nullable(),
        displayName: z.string().nullable(),
        email: z.string().nullable(),
      }),
      apiUsage: z.object({ used: z.number().int(), max: z.number().int() }).nullable(),
    }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
  ])
  .openapi("ConnectionTestResult");

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: IsoTime,
    lastUsedAt: IsoTime.nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), key: z.string() })
  .openapi("CreatedApiKey");

export const AuditEventSchema = z
  .object({
    at: IsoTime,
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("AuditEvent");

// ---- request bodies ----

// Control, bidi-override and line-separator characters and lone surrogates: invisible or
// misleading in the portal, logs and audit, and never part of a real name or path.
const UNSAFE_TEXT = /[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Free text that shows up in the portal: names of people, services and API keys. */
export const NameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => !UNSAFE_TEXT.test(value), "must not contain control characters");

export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const SignUpBodySchema = z
  .object({ email: z.email().max(254), password: PasswordSchema, name: NameSchema })
  .openapi("SignUpBody");

export const SignInBodySchema = z
  .object({ email: z.email().max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .openapi("SignInBody");

export const CreateConnectionBodySchema = z
  .object({
    environment: EnvironmentSchema,
    loginUrl: z.string().max(2048).optional(),
  })
  .openapi("CreateConnectionBody");

/** A path of the portal: `/...` but not `//...` (another host) nor `/\...` (browsers read it as `//`). */
export const ReturnToSchema = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s\\]*$/, "must be a path of the portal such as /services/abc")
  .refine((value) => !UNSAFE_TEXT.test(value), "must not contain control characters");

export const IdParamSchema = z.object({ id: z.string().min(1).max(100) });

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ErrorSchema } } };
}

const ERROR_RESPONSES = {
  400: errorResponse("Invalid request (validation failed or malformed JSON)"),
  401: errorResponse("Not signed in, or unknown API key"),
  403: errorResponse("Lacking role, API key on a cookie-only route, or CSRF"),
  404: errorResponse("Unknown or foreign resource"),
  409: errorResponse("Conflict with the resource's state"),
  415: errorResponse("Body is not JSON"),
  429: errorResponse("Too many attempts"),
  502: errorResponse("Salesforce failed or could not be reached"),
} as const;

/**
 * The contract's error responses for a route's OpenAPI entry.
 * @example
 * responses: { 200: {...}, ...errorResponses(401, 404) }
 */
export function errorResponses<const S extends keyof typeof ERROR_RESPONSES>(
  ...statuses: S[]
): Pick<typeof ERROR_RESPONSES, S> {
  const picked: Partial<typeof ERROR_RESPONSES> = {};
  for (const status of statuses) Object.assign(picked, { [status]: ERROR_RESPONSES[status] });
  return picked as Pick<typeof ERROR_RESPONSES, S>;
}
