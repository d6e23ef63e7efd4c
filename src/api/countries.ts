// Country names and ISO numeric codes, from the world-countries package (ODbL): the map joins
// the store's alpha-3 codes to world-atlas shapes, which are keyed by numeric code.
import { createRequire } from "node:module";
import type { Country } from "./types.js";

interface WorldCountry {
  readonly cca3: string;
  readonly ccn3: string;
  readonly name: { readonly common: string };
}

let countries: readonly Country[] | undefined;
let byCode: ReadonlyMap<string, Country> | undefined;

export function allCountries(): readonly Country[] {
  if (!countries) {
    const list = createRequire(import.meta.url)("world-countries") as readonly WorldCountry[];
    countries = Object.freeze(
      list.map((c) => ({ code: c.cca3, numeric: c.ccn3 || null, name: c.name.common })).sort((x, y) => x.name.localeCompare(y.name)),
    );
  }
  return countries;
}

/** The country with this alpha-3 code; CAMEO group codes (EUR, UNO) have none. */
export function countryByCode(code: string): Country | null {
  byCode ??= new Map(allCountries().map((c) => [c.code, c]));
  return byCode.get(code) ?? null;
}
