// Query and path parameters of the API, as zod schemas. Each schema is both the validator
// (a bad parameter is a 400 with a message) and, through z.toJSONSchema, the OpenAPI text.
import { z } from "zod";

/** A JSON page holds at most this many rows; an export (csv, jsonl) at most EXPORT_MAX. */
export const PAGE_MAX = 500;
export const EXPORT_MAX = 10_000;

export const EXPORT_FORMATS = ["json", "csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
/** ISO 3166-1 alpha-3 or a CAMEO group code ("EUR", "UNO"): three letters. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter country code such as USA or COL")
  .transform((value) => value.toUpperCase());
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe("the row's id") }).strict();

const paging = {
  limit: z.coerce.number().int().min(1).max(EXPORT_MAX).default(50).describe(`rows per page: at most ${PAGE_MAX} as json, ${EXPORT_MAX} as csv or jsonl`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(EXPORT_FORMATS).default("json").describe("json (a page with total), csv or jsonl (the rows only, as a download)"),
};

/** Lists: the JSON page is small; only an export may be long. */
function boundedPage<T extends { limit: number; format: ExportFormat }>(value: T, ctx: z.RefinementCtx): void {
  if (value.format === "json" && value.limit > PAGE_MAX) {
    ctx.addIssue({ code: "custom", path: ["limit"], message: `must be at most ${PAGE_MAX} for json; use format=csv or jsonl for up to ${EXPORT_MAX} rows` });
  }
}

export const articlesQuery = z
  .object({
    q: z.string().min(1).max(500).optional().describe("full-text search: words, or FTS5 syntax"),
    source: z.string().max(100).optional(),
    from: day.optional().describe("published on or after"),
    to: day.optional().describe("published on or before"),
    ...paging,
  })
  .strict()
  .superRefine(boundedPage);

export const CAMEO_STATUS = ["asserted", "planned", "negated", "hypothetical"] as const;

/** The filters every event view shares: the list, the timeline, the map and the network. */
export const eventFilterShape = {
  actor: z.string().min(1).max(200).optional().describe("an actor's name or alias, either side"),
  actorId: z.coerce.number().int().positive().optional().describe("an actor's id, either side"),
  country: countryCode.optional().describe("source's or target's country"),
  dyad: z
    .string()
    .regex(/^[A-Za-z]{3}-[A-Za-z]{3}$/, "must be two country codes joined by a dash, such as USA-COL")
    .transform((value) => value.toUpperCase())
    .optional()
    .describe("events between two countries, either direction: USA-COL"),
  location: countryCode.optional().describe("the country where it happened"),
  place: z.string().min(1).max(200).optional().describe("the named place (a city) where it happened: Mexico City"),
  code: z.string().regex(/^\d{2,4}$/, "must be a CAMEO code of 2 to 4 digits, such as 04 or 042").optional().describe("CAMEO code or its prefix: 04 is every CONSULT code, 042 a visit"),
  root: z.string().regex(/^\d{2}$/, "must be a 2-digit CAMEO root, such as 04").optional().describe("CAMEO root code"),
  plover: z
    .string()
    .regex(/^[A-Za-z_]{2,40}$/, "must be a PLOVER event type such as CONSULT")
    .transform((value) => value.toUpperCase())
    .optional(),
  status: z.enum(CAMEO_STATUS).optional(),
  from: day.optional().describe("happened on or after (an event dated to a month counts from its first day)"),
  to: day.optional().describe("happened on or before"),
  q: z.string().min(1).max(200).optional().describe("text in the evidence or the actors' names"),
  article: z.coerce.number().int().positive().optional().describe("reported by this article"),
};

export const eventsQuery = z
  .object({
    ...eventFilterShape,
    sort: z.enum(["reported", "date"]).default("reported").describe("reported: the newest reports first (default); date: by the day the event happened"),
    ...paging,
  })
  .strict()
  .superRefine(boundedPage);

export const INTERVALS = ["day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
const interval = z.enum(INTERVALS).default("day").describe("bucket size");

export const timelineQuery = z
  .object({ ...eventFilterShape, interval, format: paging.format })
  .strict();

export const mapQuery = z.object({ ...eventFilterShape, format: paging.format }).strict();

export const placesQuery = z
  .object({ ...eventFilterShape, limit: z.coerce.number().int().min(1).max(5000).default(1000).describe("the busiest places to return"), format: paging.format })
  .strict();

export const networkQuery = z
  .object({ ...eventFilterShape, nodes: z.coerce.number().int().min(2).max(300).default(60).describe("the most active actors to draw") })
  .strict();

export const relationsQuery = z
  .object({
    a: countryCode.describe("one country: USA"),
    b: countryCode.describe("the other country: COL"),
    interval,
    from: day.optional(),
    to: day.optional(),
    format: paging.format,
  })
  .strict();

export const actorsQuery = z
  .object({
    q: z.string().min(1).max(200).optional().describe("part of a name or alias"),
    country: countryCode.optional(),
    type: z.string().regex(/^[A-Z]{3,8}$/, "must be an entity type such as PERSON or ORG").optional(),
    ...paging,
  })
  .strict()
  .superRefine(boundedPage);

export const quotesQuery = z
  .object({
    speaker: z.string().min(1).max(200).optional().describe("part of the speaker's name"),
    actorId: z.coerce.number().int().positive().optional().describe("the speaker's actor id"),
    article: z.coerce.number().int().positive().optional(),
    q: z.string().min(1).max(200).optional().describe("text inside the quote"),
    ...paging,
  })
  .strict()
  .superRefine(boundedPage);

/** POST /api/articles: one article, as `newsgraph ingest` reads it from JSON Lines. */
export const INGEST_TEXT_MAX = 1_000_000;
export const ingestBody = z
  .object({
    text: z.string().trim().min(1, "must not be empty").max(INGEST_TEXT_MAX, `must be at most ${INGEST_TEXT_MAX} characters`),
    id: z.string().max(200).optional(),
    title: z.string().max(1000).optional(),
    date: day.optional(),
    source: z.string().max(100).optional(),
    url: z.string().url().max(2000).optional(),
  })
  .strict();

export type EventFilterInput = z.infer<z.ZodObject<typeof eventFilterShape>>;
