// BILOU tags over a fixed list of entity classes. Label 0 is O; class c has
// B = 1 + 4c, I = 2 + 4c, L = 3 + 4c, U = 4 + 4c. BILOU beats BIO for a linear tagger
// (Ratinov & Roth 2009): the last token of a name ("Noem" in "Kristi Noem said") gets its own weights.

export const OUTSIDE = 0;
export const BEGIN = 0;
export const INSIDE = 1;
export const LAST = 2;
export const UNIT = 3;

export function labelCount(classes: number): number {
  return 1 + 4 * classes;
}

export function labelOf(cls: number, position: number): number {
  return 1 + 4 * cls + position;
}

/** The class of a label, or -1 for O. */
export function classOf(label: number): number {
  return label === OUTSIDE ? -1 : (label - 1) >> 2;
}

/** BEGIN, INSIDE, LAST or UNIT; -1 for O. */
export function positionOf(label: number): number {
  return label === OUTSIDE ? -1 : (label - 1) & 3;
}

/** Can `next` follow `prev`? prev -1 is the start of a sentence. */
export function allowedTransition(prev: number, next: number): boolean {
  const p = prev < 0 ? -1 : positionOf(prev);
  const n = positionOf(next);
  const open = p === BEGIN || p === INSIDE;
  if (!open) return n === -1 || n === BEGIN || n === UNIT;
  return (n === INSIDE || n === LAST) && classOf(next) === classOf(prev);
}

/** Can a sentence end on this label? */
export function allowedEnd(label: number): boolean {
  const p = positionOf(label);
  return p !== BEGIN && p !== INSIDE;
}

export function labelName(label: number, classes: readonly string[]): string {
  if (label === OUTSIDE) return "O";
  return `${"BILU"[positionOf(label)]}-${classes[classOf(label)]}`;
}

/** Token spans [first, last) of the entities a valid label sequence encodes, with their class. */
export interface TokenSpan {
  readonly first: number;
  readonly last: number;
  readonly cls: number;
}

export function decodeSpans(labels: Int32Array, from: number, to: number): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  for (let t = from; t < to; t++) {
    const label = labels[t] as number;
    const p = positionOf(label);
    if (p === UNIT) spans.push({ first: t, last: t + 1, cls: classOf(label) });
    else if (p === BEGIN) open = t;
    else if (p === LAST && open >= 0) {
      spans.push({ first: open, last: t + 1, cls: classOf(label) });
      open = -1;
    }
  }
  return spans;
}

/** Write the labels of token spans into `labels` (which holds O elsewhere). */
export function encodeSpans(spans: readonly TokenSpan[], labels: Int32Array): void {
  for (const { first, last, cls } of spans) {
    if (last - first === 1) labels[first] = labelOf(cls, UNIT);
    else {
      labels[first] = labelOf(cls, BEGIN);
      for (let t = first + 1; t < last - 1; t++) labels[t] = labelOf(cls, INSIDE);
      labels[last - 1] = labelOf(cls, LAST);
    }
  }
}
