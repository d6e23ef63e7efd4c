// A worker thread that runs the pipeline: it receives raw articles and posts back
// processed documents. Each worker loads the stages (and their models) once.
import { parentPort } from "node:worker_threads";
import { getPipeline } from "./stages.js";
import { createDoc, type Doc } from "../model/document.js";
import type { RawArticle } from "../ingest/types.js";

export interface WorkRequest {
  readonly id: number;
  readonly article: RawArticle;
  readonly docId: string;
}

export type WorkResponse = { readonly id: number; readonly doc: Doc } | { readonly id: number; readonly error: string };

const pipeline = getPipeline();
parentPort?.on("message", (request: WorkRequest) => {
  try {
    const { article } = request;
    const doc = pipeline.run(
      createDoc(article.text, { id: request.docId, date: article.date, title: article.title, source: article.source, url: article.url, origin: article.origin }),
    );
    const tokens = doc.layers.tokens;
    // Typed arrays travel by transfer, not by copy.
    parentPort?.postMessage({ id: request.id, doc } satisfies WorkResponse, tokens ? [tokens.starts.buffer as ArrayBuffer, tokens.ends.buffer as ArrayBuffer] : []);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkResponse);
  }
});
