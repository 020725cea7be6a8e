import type { InferResponseType } from "hono/client";
import type { Rpc } from "./rpc.ts";

// Shapes of the edge API (/work/shared/docs/api-contract.md). Routes the edge already serves are
// read from its route types (AppType), so a change there shows up here at typecheck; Read Design
// and the design browser (issue 7) follow the contract by hand until the edge serves them.

type V1 = Rpc["api"]["v1"];

export type Me = InferResponseType<V1["me"]["$get"], 200>;
export type User = Me["user"];
export type Organization = Me["organization"];
export type Role = Me["role"];

export type Service = InferResponseType<V1["services"]["$get"], 200>["services"][number];

export type Connection = InferResponseType<V1["connections"][":id"]["$get"], 200>;
export type Environment = Connection["environment"];
export type ConnectionStatus = Connection["status"];
export type SalesforceIdentity = NonNullable<Connection["salesforce"]>;
export type DesignSummary = NonNullable<Connection["design"]>;
export type ErrorInfo = { code: string; message: string };

export type TestResult = InferResponseType<V1["connections"][":id"]["test"]["$post"], 200>;

export type ApiKey = InferResponseType<V1["api-keys"]["$get"], 200>["apiKeys"][number];
export type CreatedApiKey = InferResponseType<V1["api-keys"]["$post"], 201>;

export type AuditEvent = InferResponseType<V1["audit"]["$get"], 200>["events"][number];

export type Run = InferResponseType<V1["connections"][":id"]["read-design"]["$get"], 200>;
export type RunStatus = Run["status"];
export type RunPhase = Run["phase"];

export type ObjectList = InferResponseType<
  V1["connections"][":id"]["design"]["objects"]["$get"],
  200
>;
export type ObjectSummary = ObjectList["objects"][number];

export type Changes = InferResponseType<V1["connections"][":id"]["design"]["changes"]["$get"], 200>;
export type ObjectChange = Changes["objects"]["changed"][number];

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

/**
 * One object as the design browser reads it. The edge passes Salesforce's describe attributes
 * through untyped; design/read-object-design.ts checks each one into this shape.
 */
export type ObjectDesign = ObjectSummary & {
  fields: Field[];
  childRelationships: ChildRelationship[];
};

/** Messages on `/api/v1/connections/:id/events`. */
export type ConnectionEvent =
  | { type: "snapshot"; run: Run | null; connection: Connection }
  | { type: "progress"; run: Run }
  | { type: "finished"; run: Run; message: string }
  | { type: "failed"; run: Run; error: ErrorInfo }
  | { type: "connection"; connection: Connection };
