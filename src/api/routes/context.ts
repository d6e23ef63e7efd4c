import type { Db } from "../../store/database.js";
import type { Pipeline } from "../../pipeline/pipeline.js";

/** What every route module is given: no globals (STYLE 5). */
export interface ApiContext {
  readonly db: Db;
  readonly pipeline: Pipeline;
  /** The bearer token that opens POST /api/articles; null: the server is read-only. */
  readonly token: string | null;
}
