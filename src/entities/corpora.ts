// Readers for the NER training and development corpora in ../shared/data/ner (training time only;
// nothing here runs in the pipeline, and no corpus is ever copied into the repository).
//
// Each reader returns documents as sentences of tokens with a tag per token in the corpus' own
// scheme, converted to IOB2 (B- opens every entity). CoNLL-2003 is IOB1 (B- only between two
// adjacent entities of one type) and is converted here.
import { readFileSync } from "node:fs";

export interface TaggedSentence {
  readonly tokens: readonly string[];
  /** IOB2: "O", "B-PER", "I-PER", ... in the corpus' own type names. */
  readonly tags: readonly string[];
}

export interface TaggedDocument {
  readonly id: string;
  readonly sentences: readonly TaggedSentence[];
}

/** IOB1 -> IOB2: an I- that does not continue an entity of its type opens one. */
export function iob1ToIob2(tags: readonly string[]): string[] {
  const out: string[] = [];
  let prev = "O";
  for (const tag of tags) {
    if (tag.startsWith("I-")) {
      const type = tag.slice(2);
      const continues = prev !== "O" && prev.slice(2) === type;
      out.push(continues ? tag : `B-${type}`);
    } else out.push(tag);
    prev = tag;
  }
  return out;
}

/** CoNLL-2003 "word POS chunk NER" lines, documents split at -DOCSTART-. */
export function readConll(path: string): TaggedDocument[] {
  const docs: TaggedDocument[] = [];
  let sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flushSentence = (): void => {
    if (tokens.length) sentences.push({ tokens, tags: iob1ToIob2(tags) });
    tokens = [];
    tags = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length) docs.push({ id: `${path}#${docs.length}`, sentences });
    sentences = [];
  };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const cells = line.trim().split(" ");
    if (cells[0] === "-DOCSTART-") flushDoc();
    else if (cells.length < 4) flushSentence();
    else {
      tokens.push(cells[0] as string);
      tags.push(cells[3] as string);
    }
  }
  flushDoc();
  return docs;
}

/** "token<TAB>tag" BIO lines (CrossNER); blank lines split sentences; no document marks, so one document per 20 sentences. */
export function readTabBio(path: string): TaggedDocument[] {
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const cells = line.split("\t");
    if (cells.length < 2 || !cells[0]) {
      if (tokens.length) sentences.push({ tokens, tags });
      tokens = [];
      tags = [];
    } else {
      tokens.push(cells[0].trim());
      tags.push((cells[1] as string).trim());
    }
  }
  if (tokens.length) sentences.push({ tokens, tags });
  const docs: TaggedDocument[] = [];
  for (let i = 0; i < sentences.length; i += 20) docs.push({ id: `${path}#${i / 20}`, sentences: sentences.slice(i, i + 20) });
  return docs;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      cells.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}

/** GMB's "Sentence #,Word,POS,Tag" CSV (latin-1); no document marks, so one document per 20 sentences. */
export function readGmb(path: string): TaggedDocument[] {
  const lines = readFileSync(path, "latin1").split(/\r?\n/);
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line) continue;
    const [mark, word, , tag] = parseCsvLine(line);
    if (mark && tokens.length) {
      sentences.push({ tokens, tags });
      tokens = [];
      tags = [];
    }
    tokens.push(word ?? "");
    tags.push(tag ?? "O");
  }
  if (tokens.length) sentences.push({ tokens, tags });
  const docs: TaggedDocument[] = [];
  for (let i = 0; i < sentences.length; i += 20) docs.push({ id: `${path}#${i / 20}`, sentences: sentences.slice(i, i + 20) });
  return docs;
}

/** Entities of an IOB2 sentence as [first, last) token ranges with their type. */
export function iobSpans(tags: readonly string[]): { first: number; last: number; type: string }[] {
  const spans: { first: number; last: number; type: string }[] = [];
  let open = -1;
  let type = "";
  const close = (at: number): void => {
    if (open >= 0) spans.push({ first: open, last: at, type });
    open = -1;
  };
  tags.forEach((tag, i) => {
    if (tag.startsWith("B-") || (tag.startsWith("I-") && (open < 0 || tag.slice(2) !== type))) {
      close(i);
      open = i;
      type = tag.slice(2);
    } else if (!tag.startsWith("I-")) close(i);
  });
  close(tags.length);
  return spans;
}

/** A tagged document as text (tokens joined by spaces, sentences by line breaks) with character-offset entities. */
export function documentText(doc: TaggedDocument): { text: string; entities: { start: number; end: number; type: string }[] } {
  let text = "";
  const entities: { start: number; end: number; type: string }[] = [];
  doc.sentences.forEach((sentence, s) => {
    if (s > 0) text += "\n";
    const offsets: number[] = [];
    sentence.tokens.forEach((token, i) => {
      if (i > 0) text += " ";
      offsets.push(text.length);
      text += token;
    });
    for (const span of iobSpans(sentence.tags)) {
      const first = offsets[span.first] as number;
      const lastToken = sentence.tokens[span.last - 1] as string;
      entities.push({ start: first, end: (offsets[span.last - 1] as number) + lastToken.length, type: span.type });
    }
  });
  return { text, entities };
}

/** The text of a JSON Lines file's `text` fields. */
export function readJsonlTexts(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ""));
}
