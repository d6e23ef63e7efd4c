// The 20 CAMEO root codes and their names, from the CAMEO Event Data Codebook 1.1b3
// (Schrodt 2012), for labels only; the store keeps codes.
export const CAMEO_ROOTS: Readonly<Record<string, string>> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence",
};

export function cameoLabel(code: string): string {
  const root = CAMEO_ROOTS[code.slice(0, 2)];
  return root ? `${code} · ${root}` : code;
}
