// One place where a route is declared: its zod schemas validate the request (a bad parameter
// is a 400 naming it) and the same schemas write its part of the OpenAPI document. A list
// route also answers as CSV or JSON Lines when asked with ?format=csv|jsonl.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { formatRows, type Row } from "../cli/output.js";
import { BadRequest } from "./errors.js";
import type { ExportFormat } from "./params.js";

export interface RouteInput<Q, P, B> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteSpec<Q = unknown, P = unknown, B = unknown, R = unknown> {
  readonly method: "GET" | "POST";
  /** Fastify syntax: /api/articles/:id */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly query?: z.ZodType<Q>;
  readonly params?: z.ZodType<P>;
  readonly body?: z.ZodType<B>;
  readonly bodyLimit?: number;
  /** The rows a CSV or JSON Lines export writes, and the file name it suggests. */
  readonly exportRows?: { readonly name: string; readonly rows: (result: NoInfer<R>) => readonly object[] };
  /** Runs before the body is validated (the token check), so a stranger learns nothing from a 400. */
  readonly guard?: (request: FastifyRequest) => void;
  readonly responses?: Readonly<Record<number, string>>;
  readonly handler: (input: RouteInput<Q, P, B>) => R | Promise<R>;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : where;
    const message = issue?.code === "unrecognized_keys" ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}` : (issue?.message ?? "invalid");
    throw new BadRequest(`${path}: ${message}`);
  }
  return result.data;
}

const CONTENT_TYPES: Readonly<Record<Exclude<ExportFormat, "json">, string>> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export class RouteTable {
  private readonly specs: RouteSpec[] = [];

  constructor(private readonly app: FastifyInstance) {}

  add<Q, P, B, R>(spec: RouteSpec<Q, P, B, R>): void {
    this.specs.push(spec as unknown as RouteSpec);
    this.app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        spec.guard?.(request);
        const query = parse(spec.query, request.query, "query");
        const params = parse(spec.params, request.params, "path");
        const body = parse(spec.body, request.body, "body");
        const result = await spec.handler({ query, params, body, request, reply });
        const format = (query as { format?: ExportFormat } | undefined)?.format;
        if (spec.exportRows && format && format !== "json") {
          const rows = spec.exportRows.rows(result);
          void reply
            .type(CONTENT_TYPES[format])
            .header("content-disposition", `attachment; filename="${spec.exportRows.name}.${format}"`);
          return rows.length === 0 && format === "csv" ? "" : formatRows(rows as readonly Row[], format);
        }
        return result;
      },
    });
  }

  /** OpenAPI 3.1: the parameters are the zod schemas' own JSON Schema. */
  openApi(info: { readonly title: string; readonly version: string; readonly description: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const error = { $ref: "#/components/schemas/Error" };
    for (const spec of this.specs) {
      const path = spec.url.replace(/:(\w+)/g, "{$1}");
      const parameters = [
        ...schemaParameters(spec.params, "path"),
        ...schemaParameters(spec.query, "query"),
      ];
      const responses: Record<string, unknown> = {
        200: { description: spec.responses?.[200] ?? "OK", content: { "application/json": {} } },
        400: { description: "a bad parameter: the message names it", content: { "application/json": { schema: error } } },
      };
      for (const [status, description] of Object.entries(spec.responses ?? {})) {
        if (status !== "200") responses[status] = { description, content: { "application/json": { schema: error } } };
      }
      if (spec.exportRows) {
        (responses[200] as { content: Record<string, unknown> }).content["text/csv"] = {};
        (responses[200] as { content: Record<string, unknown> }).content["application/x-ndjson"] = {};
      }
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[spec.method.toLowerCase()] = {
        summary: spec.summary,
        tags: [spec.tag],
        ...(parameters.length ? { parameters } : {}),
        ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } } : {}),
        ...(spec.guard ? { security: [{ bearer: [] }] } : {}),
        responses,
      };
    }
    return {
      openapi: "3.1.0",
      info,
      paths,
      components: {
        schemas: { Error: { type: "object", required: ["error", "code"], properties: { error: { type: "string" }, code: { type: "string" } } } },
        securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "the token the server was started with (--token or NEWSGRAPH_TOKEN)" } },
      },
    };
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function schemaParameters(schema: z.ZodType | undefined, where: "query" | "path"): Record<string, unknown>[] {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}
