import { createRoute, z } from "@hono/zod-openapi";
import { actorLabel, requireAuth } from "../auth/principal.ts";
import {
  ConnectionSchema,
  CreateConnectionBodySchema,
  errorResponses,
  NameSchema,
  ServiceSchema,
} from "../api/schemas.ts";
import { toConnectionView } from "../api/views.ts";
import { readConfig } from "../config.ts";
import { resolveLoginUrl } from "../connection/login-url.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb } from "../db/client.ts";
import { insertConnection, listConnections } from "../db/connections.ts";
import {
  connectionCode,
  createService,
  getService,
  listServices,
  takeConnectionNumber,
} from "../db/services.ts";
import { notFound } from "../errors.ts";
import { createApp, json } from "./openapi-app.ts";

const ServiceParams = z.object({ serviceId: z.string().min(1).max(100) });

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Services"],
  summary: "The organization's services",
  middleware: [requireAuth()],
  responses: {
    200: { description: "Services", content: json(z.object({ services: z.array(ServiceSchema) })) },
    ...errorResponses(401, 403),
  },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags: ["Services"],
  summary: "Create a service (admins)",
  middleware: [requireAuth({ role: "admin" })],
  request: { body: { required: true, content: json(z.object({ name: NameSchema })) } },
  responses: {
    201: { description: "Created", content: json(ServiceSchema) },
    ...errorResponses(400, 401, 403, 415),
  },
});

const getOne = createRoute({
  method: "get",
  path: "/{serviceId}",
  tags: ["Services"],
  summary: "One service",
  middleware: [requireAuth()],
  request: { params: ServiceParams },
  responses: {
    200: { description: "The service", content: json(ServiceSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const listConnectionsRoute = createRoute({
  method: "get",
  path: "/{serviceId}/connections",
  tags: ["Connections"],
  summary: "The service's connections, by code",
  middleware: [requireAuth()],
  request: { params: ServiceParams },
  responses: {
    200: {
      description: "Connections",
      content: json(z.object({ connections: z.array(ConnectionSchema) })),
    },
    ...errorResponses(401, 403, 404),
  },
});

const createConnection = createRoute({
  method: "post",
  path: "/{serviceId}/connections",
  tags: ["Connections"],
  summary: "Add a Salesforce connection with the next free code (admins)",
  middleware: [requireAuth({ role: "admin" })],
  request: {
    params: ServiceParams,
    body: { required: true, content: json(CreateConnectionBodySchema) },
  },
  responses: {
    201: { description: "Created", content: json(ConnectionSchema) },
    ...errorResponses(400, 401, 403, 404, 415),
  },
});

/** `/api/v1/services` and the connections under a service. */
export const servicesApp = createApp()
  .openapi(list, async (c) => {
    const services = await listServices(createDb(c.env.DB), c.var.principal.organizationId);
    return c.json({ services }, 200);
  })
  .openapi(create, async (c) => {
    const { name } = c.req.valid("json");
    const db = createDb(c.env.DB);
    const service = await createService(db, c.var.principal.organizationId, name);
    await recordAudit(db, {
      organizationId: c.var.principal.organizationId,
      actor: actorLabel(c.var.principal),
      action: "service.create",
      target: `service:${service.id}`,
      details: { name },
    });
    return c.json(service, 201);
  })
  .openapi(getOne, async (c) => {
    const { serviceId } = c.req.valid("param");
    const service = await getService(createDb(c.env.DB), c.var.principal.organizationId, serviceId);
    if (!service) throw notFound("service");
    return c.json(service, 200);
  })
  .openapi(listConnectionsRoute, async (c) => {
    const { serviceId } = c.req.valid("param");
    const organizationId = c.var.principal.organizationId;
    const db = createDb(c.env.DB);
    if (!(await getService(db, organizationId, serviceId))) throw notFound("service");
    const rows = await listConnections(db, organizationId, serviceId);
    return c.json({ connections: rows.map(toConnectionView) }, 200);
  })
  .openapi(createConnection, async (c) => {
    const { serviceId } = c.req.valid("param");
    const { environment, loginUrl } = c.req.valid("json");
    const organizationId = c.var.principal.organizationId;
    const resolved = resolveLoginUrl(environment, loginUrl, {
      allowLoopback: readConfig(c.env).localDev,
    });
    const db = createDb(c.env.DB);
    const number = await takeConnectionNumber(db, organizationId, serviceId);
    if (number === null) throw notFound("service");
    const row = await insertConnection(db, {
      organizationId,
      serviceId,
      code: connectionCode(number),
      environment,
      loginUrl: resolved,
    });
    await recordAudit(db, {
      organizationId,
      actor: actorLabel(c.var.principal),
      action: "connection.create",
      target: `connection:${row.id}`,
      details: { code: row.code, serviceId, environment, loginUrl: resolved },
    });
    return c.json(toConnectionView(row), 201);
  });
