// Small display helpers shared by the views.

/** Goldstein runs from -10 (most hostile) to +10 (most cooperative). */
export function goldsteinColor(value: number | null): string {
  if (value === null) return "#8a94a6";
  if (value >= 3) return "#1f7a4d";
  if (value > 0) return "#57a773";
  if (value === 0) return "#8a94a6";
  if (value > -4) return "#e08a2c";
  return "#c8372d";
}

export function signed(value: number | null): string {
  if (value === null) return "–";
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
