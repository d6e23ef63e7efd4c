// Events per country on a world map drawn from Natural Earth shapes (world-atlas) with
// d3-geo, and a point for each named city events happened in (GeoNames coordinates): no tile
// server, nothing fetched but the store's counts.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo, useState } from "preact/hooks";
import world from "world-atlas/countries-110m.json";
import type { CountryCount, PlaceCount } from "../../../api/types.js";
import { useApi } from "../api.js";
import { Loading, Notice } from "../components/Notice.js";
import { plural } from "../format.js";
import { href, navigate } from "../router.js";

type Shape = Feature<Geometry, { name: string }>;
const W = 960;
const H = 500;

/** Light to dark blue by the square root of the count, so one busy country does not wash out the rest. */
function shade(value: number, max: number): string {
  if (value === 0) return "#e8ecf2";
  const t = Math.sqrt(value / max);
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(198, 16)}, ${mix(219, 62)}, ${mix(239, 122)})`;
}

export function MapView({ metric }: { readonly metric: "involved" | "located" }) {
  const counts = useApi<{ items: CountryCount[] }>("/api/map");
  const places = useApi<{ items: PlaceCount[] }>("/api/places");
  const [hover, setHover] = useState<string | null>(null);
  const shapes = useMemo(() => {
    const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features as Shape[];
  }, []);
  const projection = useMemo(() => geoNaturalEarth1().fitSize([W, H], { type: "FeatureCollection", features: shapes }), [shapes]);
  const path = useMemo(() => geoPath(projection), [projection]);
  if (counts.error) return <Notice kind="error">{counts.error}</Notice>;
  if (!counts.data) return <Loading />;
  const byNumeric = new Map(counts.data.items.filter((c) => c.numeric).map((c) => [c.numeric as string, c]));
  const max = Math.max(1, ...counts.data.items.map((c) => c[metric]));
  const hovered = hover ? byNumeric.get(hover) : null;
  const hoveredName = hover ? shapes.find((s) => String(s.id) === hover)?.properties.name : null;
  const unmapped = counts.data.items.filter((c) => !c.numeric);
  const points = places.data?.items ?? [];
  const busiest = Math.max(1, ...points.map((p) => p.events));
  return (
    <section>
      <div class="panel-head">
        <h1>Events per country and city</h1>
        <div class="segmented" role="group" aria-label="Count">
          <a class={metric === "involved" ? "on" : ""} href={href("/map")}>
            actors from there
          </a>
          <a class={metric === "located" ? "on" : ""} href={href("/map", { metric: "located" })}>
            happened there
          </a>
        </div>
      </div>
      {counts.data.items.length === 0 && <Notice>No events in the store yet, so every country is blank. Events appear once the event layer has run over the articles.</Notice>}
      <div class="map-wrap">
        <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="World map of event counts">
          <path class="sphere" d={path({ type: "Sphere" }) ?? ""} />
          {shapes.map((shape) => {
            const id = String(shape.id ?? "");
            const count = byNumeric.get(id);
            const value = count?.[metric] ?? 0;
            return (
              <path
                key={id || shape.properties.name}
                class={`country${value ? " has-events" : ""}`}
                data-country={count?.country ?? ""}
                d={path(shape) ?? ""}
                fill={shade(value, max)}
                onMouseEnter={() => setHover(id)}
                onMouseLeave={() => setHover(null)}
                onClick={() => count && navigate(href("/", metric === "located" ? { location: count.country } : { country: count.country }))}
              >
                <title>
                  {shape.properties.name}: {plural(value, "event")}
                </title>
              </path>
            );
          })}
          {points.map((p) => {
            const at = projection([p.lon, p.lat]);
            if (!at) return null;
            return (
              <circle
                key={`${p.place}|${p.lat}|${p.lon}`}
                class="place"
                data-place={p.place}
                cx={at[0]}
                cy={at[1]}
                r={3 + 9 * Math.sqrt(p.events / busiest)}
                onClick={() => navigate(href("/", { place: p.place }))}
              >
                <title>
                  {p.place}
                  {p.country ? ` (${p.country})` : ""}: {plural(p.events, "event")}
                </title>
              </circle>
            );
          })}
        </svg>
        <div class="map-info">
          {hoveredName ? (
            <p>
              <strong>{hoveredName}</strong>: {plural(hovered?.[metric] ?? 0, "event")}
            </p>
          ) : (
            <p class="muted small">
              Hover over a country for its count; click one to list its events. {points.length > 0 && `Dots are the ${plural(points.length, "city", "cities")} the articles place events in; click one for its events.`}
            </p>
          )}
          <div class="scale">
            <span>0</span>
            <span class="ramp" />
            <span>{max}</span>
          </div>
        </div>
      </div>
      {counts.data.items.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th>Country</th>
              <th>With actors from there</th>
              <th>Happened there</th>
            </tr>
          </thead>
          <tbody>
            {counts.data.items.map((c) => (
              <tr key={c.country}>
                <td>
                  <a href={href("/", { country: c.country })}>{c.name ?? c.country}</a> <span class="cc">{c.country}</span>
                </td>
                <td>{c.involved}</td>
                <td>{c.located ? <a href={href("/", { location: c.country })}>{c.located}</a> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unmapped.length > 0 && <p class="muted small">Not on the map (groups beyond one country): {unmapped.map((c) => c.country).join(", ")}.</p>}
    </section>
  );
}
