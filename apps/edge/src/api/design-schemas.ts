import { z } from "@hono/zod-openapi";

/** The contract's `Run`, plus the live details the portal shows (`current`, counters). */
export const RunSchema = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "finished", "failed", "cancelled"]),
    mode: z.enum(["full", "incremental"]),
    phase: z.enum(["listing", "describing", "saving", "done"]),
    done: z.number().int(),
    total: z.number().int(),
    read: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    current: z.array(z.string()),
    failedObjects: z.array(z.object({ name: z.string(), error: z.string() })),
    apiCalls: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    message: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi("Run");

export const StartRunBodySchema = z
  .object({ mode: z.enum(["full", "incremental"]).optional() })
  .strict()
  .openapi("StartRun");

const boolParam = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();

export const ObjectsQuerySchema = z.object({
  q: z.string().max(200).optional(),
  custom: boolParam,
  queryable: boolParam,
  // Above 2000 is clamped (contract); below 1 is a 400.
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .transform((value) => Math.min(value, 2000)),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ObjectSummarySchema = z
  .object({
    name: z.string(),
    label: z.string().nullable(),
    labelPlural: z.string().nullable(),
    keyPrefix: z.string().nullable(),
    custom: z.boolean().nullable(),
    queryable: z.boolean().nullable(),
    createable: z.boolean().nullable(),
    updateable: z.boolean().nullable(),
    fieldCount: z.number().int(),
  })
  .openapi("ObjectSummary");

export const ObjectsPageSchema = z
  .object({ objects: z.array(ObjectSummarySchema), total: z.number().int() })
  .openapi("ObjectsPage");

/** One object with every field, under Salesforce's attribute names (absent ones are null). */
export const ObjectDesignSchema = z
  .object({
    name: z.string(),
    label: z.string().nullable(),
    fields: z.array(z.object({ name: z.string(), type: z.string() }).passthrough()),
    childRelationships: z.array(z.record(z.string(), z.unknown())).nullable(),
  })
  .passthrough()
  .openapi("ObjectDesign");

const NamesSchema = z.array(z.string());

export const ChangesSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    objects: z.object({
      added: NamesSchema,
      removed: NamesSchema,
      changed: z.array(
        z.object({
          name: z.string(),
          attributesChanged: NamesSchema,
          fields: z.object({
            added: NamesSchema,
            removed: NamesSchema,
            changed: z.array(z.object({ name: z.string(), attributes: NamesSchema })),
          }),
        }),
      ),
    }),
  })
  .openapi("Changes");

export const ObjectNameParamSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(255),
});
