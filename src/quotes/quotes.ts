// The quotes stage: quoted words and who said them (findQuotes.ts, then attributeQuotes.ts).
// It reads the entities, actors and corefs layers (names resolved through the actors, pronouns through corefs) and
// falls back on its own reading of names when a document lacks them. It requires them all the same, now that the
// entity and actor stages are registered before it: the order check then keeps it after them. A pipeline without
// those stages can run `quotesOnText`, the same stage requiring only the text layers.
import type { Doc } from "../model/document.js";
import { withLayers } from "../model/document.js";
import type { Stage } from "../pipeline/pipeline.js";
import { attributeQuotes } from "./attributeQuotes.js";
import { findQuotes } from "./findQuotes.js";

function run(doc: Doc): Doc {
  return withLayers(doc, { quotes: attributeQuotes(doc, findQuotes(doc)) });
}

export const quotes: Stage = { name: "quotes", requires: ["body", "sentences", "tokens", "entities", "actors"], provides: ["quotes"], run };

/** The same stage for pipelines without entities and actors (tests, a text-only extraction). */
export const quotesOnText: Stage = { name: "quotes", requires: ["body", "sentences", "tokens"], provides: ["quotes"], run };
