// The edge API's shapes as /work/shared/docs/api-contract.md defines them (v1). The typed client in
// client.ts checks calls against the edge's routes; these types name what the pages read.

export type Role = "owner" | "admin" | "member" | (string & {});

export type User = { id: string; email: string; name: string };

export type Organization = { id: string; name: string };

export type Me = { user: User; organization: Organization; role: Role };

export type Service = { id: string; name: string };

export type Environment = "production" | "sandbox" | "custom";

export type ConnectionStatus = "new" | "authorized" | "needs_reauth" | "revoked" | "error";

export type ErrorInfo = { code: string; message: string };

export type SalesforceIdentity = {
  userId: string;
  orgId: string;
  username: string;
  displayName: string;
};

export type DesignSummary = {
  status: string;
  lastReadAt: string | null;
  objects: number;
  fields: number;
};

export type Connection = {
  id: string;
  serviceId: string;
  code: string;
  environment: Environment;
  loginUrl: string;
  status: ConnectionStatus;
  instanceUrl: string | null;
  salesforce: SalesforceIdentity | null;
  authorizedAt: string | null;
  lastRefreshAt: string | null;
  /** The contract leaves the shape open: a sentence or `{code, message}`. */
  lastError: string | ErrorInfo | null;
  design: DesignSummary | null;
};

export type RunStatus = "queued" | "running" | "finished" | "failed" | "cancelled";

export type RunPhase = "listing" | "describing" | "saving" | "done";

export type Run = {
  id: string;
  status: RunStatus;
  mode: "full" | "incremental";
  phase: RunPhase;
  done: number;
  total: number;
  failedObjects: { name: string; error: string | ErrorInfo }[];
  apiCalls: number;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  error: ErrorInfo | null;
  /** Not in the contract's minimum: the objects being read right now, when the edge sends them. */
  current?: string[];
};

export type TestResult =
  | { ok: true; identity: Record<string, unknown>; apiUsage: { used: number; max: number } | null }
  | { ok: false; error: ErrorInfo };

export type ObjectSummary = {
  name: string;
  label: string | null;
  labelPlural: string | null;
  keyPrefix: string | null;
  custom: boolean | null;
  queryable: boolean | null;
  createable: boolean | null;
  updateable: boolean | null;
  fieldCount: number;
};

export type ObjectList = { objects: ObjectSummary[]; total: number };

export type PicklistValue = {
  value: string;
  label: string | null;
  active: boolean | null;
  defaultValue: boolean | null;
};

/** Salesforce's own field attributes; any it did not send are `null`. */
export type Field = {
  name: string;
  label: string | null;
  type: string | null;
  length: number | null;
  precision: number | null;
  scale: number | null;
  digits: number | null;
  nillable: boolean | null;
  unique: boolean | null;
  externalId: boolean | null;
  calculated: boolean | null;
  custom: boolean | null;
  createable: boolean | null;
  updateable: boolean | null;
  defaultValue: unknown;
  referenceTo: string[] | null;
  relationshipName: string | null;
  picklistValues: PicklistValue[] | null;
};

export type ChildRelationship = {
  childSObject: string | null;
  field: string | null;
  relationshipName: string | null;
};

export type ObjectDesign = ObjectSummary & {
  fields: Field[];
  childRelationships: ChildRelationship[];
};

export type FieldChange = { name: string; attributes: string[] };

export type ObjectChange = {
  name: string;
  attributesChanged: string[];
  fields: { added: string[]; removed: string[]; changed: FieldChange[] };
};

export type Changes = {
  from: string | null;
  to: string | null;
  objects: { added: string[]; removed: string[]; changed: ObjectChange[] };
};

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export type CreatedApiKey = { id: string; name: string; prefix: string; key: string };

export type AuditEvent = {
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: unknown;
};

/** Messages on `/api/v1/connections/:id/events`. */
export type ConnectionEvent =
  | { type: "snapshot"; run: Run | null; connection: Connection }
  | { type: "progress"; run: Run }
  | { type: "finished"; run: Run; message: string }
  | { type: "failed"; run: Run; error: ErrorInfo }
  | { type: "connection"; connection: Connection };
