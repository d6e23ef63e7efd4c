// Where an event happened: a place named in its clause ("talks *in Doha*"), the destination of a
// visit, the place a relative "where" points back to ("El Salvador, *where* she met ..."), or the
// place its source was visiting that day ("Later in the day, Noem met ..." while she was in Colombia).
// A city named in the text gets its coordinates (src/entities/cities.ts, GeoNames); a country or region does not:
// its code carries the location, and no point stands for a whole country.
import type { EventPlace } from "../model/document.js";
import { findCity } from "../entities/cities.js";
import { countryIndex } from "../entities/countries.js";
import type { ResolvedActor } from "./eventActors.js";

export function placeOf(actor: ResolvedActor): EventPlace | null {
  if (!actor.place || !actor.actor.country) return null;
  const name = actor.actor.name;
  const kind = countryIndex().place(name)?.kind;
  const city = kind === "country" || kind === "region" ? null : findCity(name, actor.actor.country);
  return { name, country: actor.actor.country, lat: city?.lat ?? null, lon: city?.lon ?? null };
}

/** A visit's place: the destination when it is a place, else the host's country ("visited President Bukele"). */
export function visitPlace(target: ResolvedActor): EventPlace | null {
  const place = placeOf(target);
  if (place) return place;
  return target.actor.country && /^[A-Z]{3}$/.test(target.actor.country) && !["EUR", "NAT", "UNO", "IGO", "AFR", "ASA", "WST", "MEA"].includes(target.actor.country)
    ? { name: null, country: target.actor.country, lat: null, lon: null }
    : null;
}
