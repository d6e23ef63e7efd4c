// The process's vocabulary: every distinct token text gets a small integer id, once (like spaCy's StringStore and
// lexeme table). Each token of a document is looked up here once (tokenize.ts tokenStrings); the stages then keep
// what they know about a word (its tag-dictionary entry, its singular, its trigger flags) in arrays indexed by id,
// and read it with an array access instead of a string-keyed lookup per token and per lexicon. In a pipeline that
// reads each token a dozen times, that is most of the cost of the lookups: a Map probe over tens of thousands of
// words misses the cache; an array index into a dense table mostly does not.
//
// A server that runs for months would see its vocabulary grow with every new name and number, so the vocabulary is
// bounded: when it is full it starts over, under a new generation, and every id-keyed cache (WordTable) starts over
// with it. Ids from an older generation are never mixed with newer ones within one document, because a document's
// ids are taken in one pass (tokenStrings) and the tables check the generation they were filled under.

const MAX_WORDS = 1 << 20;

class Vocabulary {
  private texts: string[] = [];
  /** Hash of each id's text. */
  private hashes = new Int32Array(1024);
  /** Open addressing: id + 1 per slot, 0 for an empty slot; twice as many slots as ids at most. */
  private slots = new Int32Array(2048);
  generation = 0;

  /** The id of a word's text; a new one for a text not seen before. */
  id(text: string): number {
    return this.idOfRange(text, 0, text.length);
  }

  /**
   * The id of text[start, end), without making a string unless the word is new: the characters are hashed where
   * they stand and compared with the stored word's, so a token costs no allocation once its word is known.
   */
  idOfRange(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return this.add(text.slice(start, end), h, slot);
      const id = entry - 1;
      if (this.hashes[id] === h && sameText(this.texts[id] as string, text, start, end)) return id;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    if (this.texts.length >= MAX_WORDS) {
      this.reset();
      return this.id(word);
    }
    const id = this.texts.length;
    this.texts.push(word);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }

  /** The text of an id of the current generation. */
  text(id: number): string {
    return this.texts[id] as string;
  }

  get size(): number {
    return this.texts.length;
  }

  private reset(): void {
    this.texts = [];
    this.hashes = new Int32Array(1024);
    this.slots = new Int32Array(2048);
    this.generation++;
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

export const vocabulary = new Vocabulary();

/**
 * What a stage knows about each word, by vocabulary id, computed on first use by `compute` (from the word's text).
 * Starts over when the vocabulary does.
 */
export class WordTable<T> {
  private values: (T | undefined)[] = [];
  private generation = vocabulary.generation;

  constructor(private readonly compute: (text: string) => T) {}

  get(id: number): T {
    if (this.generation !== vocabulary.generation) {
      this.values = [];
      this.generation = vocabulary.generation;
    }
    let value = this.values[id];
    if (value === undefined) {
      value = this.compute(vocabulary.text(id));
      // Grow densely (no holes), so the array stays a fast element store.
      while (this.values.length < id) this.values.push(undefined);
      this.values[id] = value;
    }
    return value;
  }
}
