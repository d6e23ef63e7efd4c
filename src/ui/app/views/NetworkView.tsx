// Actors linked by the events between them: a node's area is its event count, a link's width
// the events between the pair, its colour their mean Goldstein. The layout is d3-force, run
// to rest before drawing, so the same store always draws the same picture.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { useMemo } from "preact/hooks";
import type { Network, NetworkNode } from "../../../api/types.js";
import { useApi } from "../api.js";
import { Loading, Notice } from "../components/Notice.js";
import { goldsteinColor, plural, signed } from "../format.js";

/** Colours for the countries in view, most active first (Tableau 10); the rest share grey. */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];
function countryPalette(nodes: readonly NetworkNode[]): Map<string, string> {
  const weight = new Map<string, number>();
  for (const n of nodes) if (n.country) weight.set(n.country, (weight.get(n.country) ?? 0) + n.events);
  const ordered = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(ordered.slice(0, PALETTE.length).map(([code], i) => [code, PALETTE[i] as string]));
}
import { href, navigate } from "../router.js";

interface SimNode extends SimulationNodeDatum, NetworkNode {
  readonly r: number;
}
interface SimLink extends SimulationLinkDatum<SimNode> {
  readonly count: number;
  readonly goldsteinMean: number | null;
}

const W = 960;
const H = 600;

function layout(network: Network): { nodes: SimNode[]; links: SimLink[]; viewBox: string } {
  const max = Math.max(1, ...network.nodes.map((n) => n.events));
  // Start on a circle, in the API's order: d3-force is deterministic from a fixed start.
  const nodes: SimNode[] = network.nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, network.nodes.length);
    return { ...n, r: 6 + 22 * Math.sqrt(n.events / max), x: W / 2 + 200 * Math.cos(angle), y: H / 2 + 200 * Math.sin(angle) };
  });
  const links: SimLink[] = network.links.map((l) => ({ source: l.source, target: l.target, count: l.count, goldsteinMean: l.goldsteinMean }));
  const simulation = forceSimulation(nodes)
    .force("link", forceLink<SimNode, SimLink>(links).id((n) => n.id).distance(110))
    .force("charge", forceManyBody().strength(-420))
    .force("center", forceCenter(W / 2, H / 2))
    // Pull unconnected pairs in, so they do not drift to the edges.
    .force("x", forceX(W / 2).strength(0.09))
    .force("y", forceY(H / 2).strength(0.12))
    // Room for the label above each circle, roughly its width.
    .force("collide", forceCollide<SimNode>().radius((n) => Math.max(n.r + 18, n.name.length * 3.6)))
    .stop();
  simulation.tick(300);
  // Frame the drawing around what was laid out, labels included (about 7px a character at 12px).
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const n of nodes) {
    const half = Math.max(n.r, n.name.length * 3.5);
    box.x0 = Math.min(box.x0, (n.x ?? 0) - half);
    box.x1 = Math.max(box.x1, (n.x ?? 0) + half);
    box.y0 = Math.min(box.y0, (n.y ?? 0) - n.r - 18);
    box.y1 = Math.max(box.y1, (n.y ?? 0) + n.r);
  }
  const pad = 12;
  const width = Math.max(box.x1 - box.x0 + 2 * pad, 200);
  const height = Math.max(box.y1 - box.y0 + 2 * pad, 150);
  return { nodes, links, viewBox: `${box.x0 - pad} ${box.y0 - pad} ${width} ${height}` };
}

export function NetworkView() {
  const network = useApi<Network>("/api/network?nodes=40");
  const drawn = useMemo(() => (network.data ? layout(network.data) : null), [network.data]);
  if (network.error) return <Notice kind="error">{network.error}</Notice>;
  if (!network.data || !drawn) return <Loading />;
  if (drawn.nodes.length === 0) {
    return (
      <section>
        <h1>Actor network</h1>
        <Notice>No events between two actors are stored yet, so there is no network to draw. Events appear once the event layer has run over the articles.</Notice>
      </section>
    );
  }
  const maxLink = Math.max(1, ...drawn.links.map((l) => l.count));
  const colors = countryPalette(drawn.nodes);
  const colorOf = (code: string | null) => (code ? (colors.get(code) ?? "#a0a7b4") : "#a0a7b4");
  return (
    <section>
      <h1>Actor network</h1>
      <p class="muted">
        The {plural(drawn.nodes.length, "most active actor")} and the events between them. Circle area: events the actor took part in; line width: events between the
        pair; line colour: their mean Goldstein score. Click an actor for its page.
      </p>
      <p class="legend-line small">
        {[...colors.entries()].map(([code, color]) => (
          <span key={code}>
            <span class="swatch" style={{ background: color }} /> {code}
          </span>
        ))}
        <span>
          <span class="swatch" style={{ background: "#a0a7b4" }} /> other or none
        </span>
      </p>
      <svg class="network" viewBox={drawn.viewBox} role="img" aria-label="Network of actors linked by events">
        {drawn.links.map((l) => {
          const s = l.source as SimNode;
          const t = l.target as SimNode;
          return (
            <line key={`${s.id}-${t.id}`} class="link" x1={s.x} y1={s.y} x2={t.x} y2={t.y} stroke={goldsteinColor(l.goldsteinMean)} stroke-width={1.5 + 5 * (l.count / maxLink)}>
              <title>
                {s.name} – {t.name}: {plural(l.count, "event")}, mean Goldstein {signed(l.goldsteinMean)}
              </title>
            </line>
          );
        })}
        {drawn.nodes.map((n) => (
          <g
            key={n.id}
            class="node"
            data-actor={n.id}
            transform={`translate(${n.x},${n.y})`}
            role="button"
            tabIndex={0}
            aria-label={`${n.name}: ${plural(n.events, "event")}`}
            onClick={() => navigate(href(`/actor/${n.id}`))}
            onKeyDown={(e) => e.key === "Enter" && navigate(href(`/actor/${n.id}`))}
          >
            <circle r={n.r} fill={colorOf(n.country)} />
            <text y={-n.r - 4} text-anchor="middle">
              {n.name}
            </text>
            <title>
              {n.name} ({n.country ?? "no country"}): {plural(n.events, "event")}
            </title>
          </g>
        ))}
      </svg>
    </section>
  );
}
