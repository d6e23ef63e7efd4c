// English inflection for dictionary lookups: the forms of a verb ("deport" -> "deports",
// "deported", "deporting"; "meet" -> "met") and of a noun ("talk" -> "talks"). Irregular verbs
// come from data/syntax/irregular-verbs.tsv; everything else follows the spelling rules.
import { readTable } from "../model/dataFiles.js";

export interface VerbForms {
  readonly base: string;
  /** Third person singular: "deports". */
  readonly s: readonly string[];
  readonly past: readonly string[];
  readonly participle: readonly string[];
  readonly ing: readonly string[];
}

interface Irregular {
  readonly past: readonly string[];
  readonly participle: readonly string[];
}

let irregulars: ReadonlyMap<string, Irregular> | undefined;

function irregularTable(): ReadonlyMap<string, Irregular> {
  irregulars ??= new Map(
    readTable("syntax/irregular-verbs.tsv").map((r) => [r["base"] as string, { past: (r["past"] as string).split("|"), participle: (r["participle"] as string).split("|") }]),
  );
  return irregulars;
}

const VOWEL = /[aeiou]/;
const SIBILANT = /(s|x|z|ch|sh)$/;

/** "ban" -> true, "visit" -> false: a final consonant doubles before -ed/-ing after one stressed short vowel. */
function doubles(word: string): "yes" | "no" | "maybe" {
  if (!/[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(word)) return "no";
  const syllables = word.match(/[aeiouy]+/g)?.length ?? 0;
  if (syllables <= 1) return "yes";
  // Stress on the last syllable in these endings ("expel", "commit", "deter", "control", "regret"); not in
  // "visit", "open", "target", "offer". Two-syllable words outside the list get both spellings.
  if (/(pel|mit|fer|ter|cur|trol|gret|bed|bar|quit|cel)$/.test(word) && !/(offer|differ|suffer|proffer|enter|alter|counter|filter|shelter|bolster|muster|bluster|foster|master|canter|barter|batter|better|chatter|flatter|matter|scatter|shatter|splinter|titter|utter|wither|consider|monitor)$/.test(word)) return "yes";
  return syllables === 2 ? "maybe" : "no";
}

function regularForms(base: string): Omit<VerbForms, "base"> {
  const s = SIBILANT.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : /o$/.test(base) && !/oo$/.test(base) ? `${base}es` : `${base}s`;
  let stems: string[];
  if (/e$/.test(base)) stems = [base.slice(0, -1)];
  else {
    const d = doubles(base);
    const doubled = base + base.slice(-1);
    stems = d === "yes" ? [doubled] : d === "maybe" ? [base, doubled] : [base];
  }
  const past = /[^aeiou]y$/.test(base) ? [`${base.slice(0, -1)}ied`] : /e$/.test(base) ? [`${base}d`] : stems.map((st) => (/c$/.test(st) ? `${st}ked` : `${st}ed`));
  const ing = /ie$/.test(base) ? [`${base.slice(0, -2)}ying`] : /ee$|ye$|oe$/.test(base) ? [`${base}ing`] : stems.map((st) => (/c$/.test(st) ? `${st}king` : `${st}ing`));
  return { s: [s], past, participle: past, ing };
}

/** The forms of a one-word verb; irregular verbs and compounds of them ("withhold", "re-send") included. */
export function verbForms(base: string): VerbForms {
  const word = base.toLowerCase();
  const regular = regularForms(word);
  const table = irregularTable();
  let irregular = table.get(word);
  let prefix = "";
  if (!irregular) {
    // "withhold" = "with" + "hold", "overthrow" = "over" + "throw": inflect the last part.
    for (let cut = 1; cut < word.length - 1 && !irregular; cut++) {
      const tail = word.slice(cut);
      const found = tail.length >= 3 ? table.get(tail) : undefined;
      if (found && /^(with|over|under|out|up|re-?|fore|mis|un|be|down|off|in)$/.test(word.slice(0, cut))) {
        irregular = found;
        prefix = word.slice(0, cut);
      }
    }
  }
  if (!irregular) return { base: word, ...regular };
  return {
    base: word,
    s: regular.s,
    past: irregular.past.map((p) => prefix + p),
    participle: irregular.participle.map((p) => prefix + p),
    ing: regular.ing,
  };
}

/** Every form of a verb, base first. */
export function allVerbForms(base: string): string[] {
  const f = verbForms(base);
  return [...new Set([f.base, ...f.s, ...f.past, ...f.participle, ...f.ing])];
}

/** The plural of a noun by the spelling rules ("talk" -> "talks", "policy" -> "policies", "crisis" is left alone). */
export function nounPlural(noun: string): string {
  const w = noun.toLowerCase();
  if (/(is)$/.test(w)) return `${w.slice(0, -2)}es`;
  if (SIBILANT.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/man$/.test(w)) return `${w.slice(0, -3)}men`;
  return `${w}s`;
}

/** Whether a word has a vowel at all (filters "U.S." and numbers out of inflection). */
export function isInflectable(word: string): boolean {
  return /^[a-z][a-z'-]*$/.test(word) && VOWEL.test(word);
}
