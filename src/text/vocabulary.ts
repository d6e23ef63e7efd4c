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
  private ids = new Map<string, number>();
  private texts: string[] = [];
  generation = 0;

  /** The id of a word's text; a new one for a text not seen before. */
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      if (this.texts.length >= MAX_WORDS) this.reset();
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** The text of an id of the current generation. */
  text(id: number): string {
    return this.texts[id] as string;
  }

  get size(): number {
    return this.texts.length;
  }

  private reset(): void {
    this.ids = new Map();
    this.texts = [];
    this.generation++;
  }
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
