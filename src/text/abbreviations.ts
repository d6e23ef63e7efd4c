// The abbreviation list (data/text/abbreviations.txt) as a lookup set, shared by the tokenizer and the sentence splitter.
import { readList } from "../model/dataFiles.js";

let abbreviations: ReadonlySet<string> | undefined;

/** Lower-case abbreviations without their final period: "mr", "calif", "e.g". */
export function abbreviationSet(): ReadonlySet<string> {
  abbreviations ??= new Set(readList("text/abbreviations.txt").map((entry) => entry.toLowerCase().replace(/\.$/, "")));
  return abbreviations;
}
