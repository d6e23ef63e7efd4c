// A map from multi-word phrases (tokens joined by one space: "secretary of state") to values, that also knows, for
// each word, the longest phrase it starts and the longest it ends. A scan for phrases at a token then tries only the
// lengths some phrase could have, and nothing at all at the many tokens no phrase starts or ends with: no string is
// built for "the" or ",".
export class PhraseMap<V> {
  private readonly entries = new Map<string, V>();
  private readonly startLength = new Map<string, number>();
  private readonly endLength = new Map<string, number>();
  private longestPhrase = 0;

  /** `phrase` is the key: the phrase's tokens, lower case, joined by one space. */
  set(phrase: string, value: V): this {
    this.entries.set(phrase, value);
    const words = phrase.split(" ");
    const first = words[0] as string;
    const last = words[words.length - 1] as string;
    this.startLength.set(first, Math.max(this.startLength.get(first) ?? 0, words.length));
    this.endLength.set(last, Math.max(this.endLength.get(last) ?? 0, words.length));
    this.longestPhrase = Math.max(this.longestPhrase, words.length);
    return this;
  }

  get(phrase: string): V | undefined {
    return this.entries.get(phrase);
  }

  has(phrase: string): boolean {
    return this.entries.has(phrase);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The most words any phrase has. */
  get longest(): number {
    return this.longestPhrase;
  }

  /** The most words of a phrase that starts with `word` (0: none does). */
  longestStartingWith(word: string): number {
    return this.startLength.get(word) ?? 0;
  }

  /** The most words of a phrase that ends with `word` (0: none does). */
  longestEndingWith(word: string): number {
    return this.endLength.get(word) ?? 0;
  }

  /** The phrase made of words[first, first + length), when there is one (none past the end of `words`). */
  at(words: readonly string[], first: number, length: number): V | undefined {
    if (first < 0 || first + length > words.length) return undefined;
    if (length === 1) return this.entries.get(words[first] as string);
    if (this.longestStartingWith(words[first] as string) < length || this.longestEndingWith(words[first + length - 1] as string) < length) return undefined;
    return this.entries.get(words.slice(first, first + length).join(" "));
  }

  /** Every phrase. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}
