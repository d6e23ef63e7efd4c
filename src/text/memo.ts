// Results of a function of one word or name, kept per argument: the stages look up the same few thousand words and
// names story after story. The table is bounded (a server that runs for months sees every new name): when it holds
// `limit` entries it starts over, which costs a recomputation, never a wrong answer.
export function memoize<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  let table = new Map<string, T>();
  return (key: string): T => {
    let value = table.get(key);
    if (value === undefined) {
      value = compute(key);
      if (table.size >= limit) table = new Map();
      table.set(key, value);
    }
    return value;
  };
}
