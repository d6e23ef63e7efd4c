import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Doc, RoleMention } from "../model/document.js";
import { resolveCountries } from "./countries.js";
import { handBuiltDoc } from "./handBuilt.js";
import { readRoles, roles } from "./roles.js";

interface Reading {
  readonly role: string | null;
  readonly country: string | null;
  readonly sector: string | null;
}

function rolesOf(marked: string): { doc: Doc; found: RoleMention[] } {
  const doc = resolveCountries(handBuiltDoc(marked));
  return { doc, found: readRoles(doc) };
}

/** What the roles layer says about one person: its first office, and a stated country before one read from the sentence. */
function about(marked: string, person: string): Reading & { rules: string[] } {
  const { doc, found } = rolesOf(marked);
  const index = (doc.layers.entities ?? []).findIndex((e) => e.text === person && e.type === "PERSON");
  assert.ok(index >= 0, `no PERSON "${person}" in the case`);
  const mine = found.filter((r) => r.holder === index);
  const stated = mine.filter((r) => !/\/country-/.test(r.provenance.rule ?? ""));
  return {
    role: mine.find((r) => r.role)?.role ?? null,
    sector: mine.find((r) => r.sector)?.sector ?? null,
    country: stated.find((r) => r.country)?.country ?? mine.find((r) => r.country)?.country ?? null,
    rules: mine.map((r) => r.provenance.rule ?? ""),
  };
}

// Real news phrases: [text with entity marks, the person, what the text says about them]
const people: readonly (readonly [string, string, Reading])[] = [
  ["[U.S.|GPE] [Homeland Security|ORG] Secretary [Kristi Noem|PERSON] visited [Colombia|GPE] on Thursday.", "Kristi Noem", { role: "Secretary of Homeland Security", country: "USA", sector: "GOV" }],
  ["Later in the day, [Noem|PERSON] met with police and [Colombia|GPE]'s leftist President [Gustavo Petro|PERSON].", "Gustavo Petro", { role: "President", country: "COL", sector: "GOV" }],
  ["[Noem|PERSON] sat down Thursday morning with [Colombian|NORP] Foreign Minister [Laura Sarabia|PERSON].", "Laura Sarabia", { role: "Foreign Minister", country: "COL", sector: "GOV" }],
  ["The visit marks a contrast to [Noem|PERSON]'s Wednesday visit to [El Salvador|GPE], where she met with President [Nayib Bukele|PERSON], a populist.", "Nayib Bukele", { role: "President", country: "SLV", sector: "GOV" }],
  ["On Friday, [Noem|PERSON] is set to visit [Mexico|GPE] and meet with President [Claudia Sheinbaum|PERSON].", "Claudia Sheinbaum", { role: "President", country: "MEX", sector: "GOV" }],
  ["[Petro|PERSON] and [U.S.|GPE] President [Donald Trump|PERSON], both populists, share opposed views.", "Donald Trump", { role: "President", country: "USA", sector: "GOV" }],
  ["[Nayib Bukele|PERSON], [El Salvador|GPE]'s president, said the prison would stay open.", "Nayib Bukele", { role: "President", country: "SLV", sector: "GOV" }],
  ["[Gustavo Petro|PERSON], the president of [Colombia|GPE], rejected the flights.", "Gustavo Petro", { role: "President", country: "COL", sector: "GOV" }],
  ["[Mexico|GPE]'s president, [Claudia Sheinbaum|PERSON], spoke on Friday.", "Claudia Sheinbaum", { role: "President", country: "MEX", sector: "GOV" }],
  ["[Laura Sarabia|PERSON], [Colombia|GPE]'s foreign minister, signed the agreement.", "Laura Sarabia", { role: "Foreign Minister", country: "COL", sector: "GOV" }],
  ["[U.S.|GPE] Secretary of State [Marco Rubio|PERSON] arrived in [Panama|GPE] on Saturday.", "Marco Rubio", { role: "Secretary of State", country: "USA", sector: "GOV" }],
  ["[Russian|NORP] Deputy Foreign Minister [Sergei Ryabkov|PERSON] said talks would continue.", "Sergei Ryabkov", { role: "Deputy Foreign Minister", country: "RUS", sector: "GOV" }],
  ["[Israeli|NORP] Prime Minister [Benjamin Netanyahu|PERSON] spoke to reporters.", "Benjamin Netanyahu", { role: "Prime Minister", country: "ISR", sector: "GOV" }],
  ["[U.N.|ORG] Secretary-General [António Guterres|PERSON] called for a ceasefire.", "António Guterres", { role: "Secretary-General", country: "UNO", sector: "IGO" }],
  ["[NATO|ORG] Secretary General [Mark Rutte|PERSON] said allies must spend more.", "Mark Rutte", { role: "Secretary-General", country: "NAT", sector: "IGO" }],
  ["Former [Brazilian|NORP] President [Jair Bolsonaro|PERSON] was charged on Tuesday.", "Jair Bolsonaro", { role: "former President", country: "BRA", sector: "ELI" }],
  ["[Venezuelan|NORP] opposition leader [María Corina Machado|PERSON] called for protests.", "María Corina Machado", { role: "Opposition Leader", country: "VEN", sector: "OPP" }],
  ["[U.S. Army|ORG] Gen. [Mark Milley|PERSON] testified before Congress.", "Mark Milley", { role: "General", country: "USA", sector: "MIL" }],
  ["[FBI|ORG] Director [Kash Patel|PERSON] testified on Tuesday.", "Kash Patel", { role: "FBI Director", country: "USA", sector: "COP" }],
  ["Police Chief [Ana Ruiz|PERSON] of [Bogotá|GPE] said three men were arrested.", "Ana Ruiz", { role: "Police Chief", country: "COL", sector: "COP" }],
  ["[Republican|NORP] Sen. [Lindsey Graham|PERSON] criticized the plan.", "Lindsey Graham", { role: "Senator", country: null, sector: "LEG" }],
  ["Secretary of [Homeland Security|ORG] [Kristi Noem|PERSON] toured the facility.", "Kristi Noem", { role: "Secretary of Homeland Security", country: "USA", sector: "GOV" }],
  ["[Salvadoran|NORP] [Nayib Bukele|PERSON] won a second term.", "Nayib Bukele", { role: null, country: "SLV", sector: null }],
  ["[Colombia|GPE]'s [Gustavo Petro|PERSON] refused the flights.", "Gustavo Petro", { role: null, country: "COL", sector: null }],
  ["[Catherine Russell|PERSON], [UNICEF|ORG]'s executive director, told the council.", "Catherine Russell", { role: "Executive Director", country: "UNO", sector: "IGO" }],
  ["[Mohammed Badaru Abubakar|PERSON], [Nigeria|GPE]'s defense minister, spoke.", "Mohammed Badaru Abubakar", { role: "Defense Minister", country: "NGA", sector: "GOV" }],
  // A company's president is no government's: the organisation's head word is a business (Phoenix: COMPANY BUS)...
  ["[Daniel Cheng|PERSON], president of [Wan Guo Jin Liang Company|ORG], told VOA.", "Daniel Cheng", { role: "President", country: null, sector: "BUS" }],
  // ... or unknown, and then so is the sector.
  ["[Microsoft|ORG] President [Brad Smith|PERSON] testified.", "Brad Smith", { role: "President", country: null, sector: null }],
];

// [text, the person, what must NOT be read]: titles that are not there, countries the text does not give.
const notAbout: readonly (readonly [string, string, Reading])[] = [
  // A weekday is no department: not "Secretary of On Thursday".
  ["On Thursday Secretary [Kristi Noem|PERSON] said the talks were frank.", "Kristi Noem", { role: "Secretary", country: null, sector: "GOV" }],
  // "a populist" is a description, not an office.
  ["[Bukele|PERSON], a populist who has gained admiration, spoke.", "Bukele", { role: null, country: null, sector: null }],
  // The person Jordan visiting the country Jordan has no country from it: "visited" is no affiliation.
  ["[Michael Jordan|PERSON] visited [Jordan|GPE] last week.", "Michael Jordan", { role: null, country: null, sector: null }],
  // Two countries in the sentence: none is the president's.
  ["After [Mexico|GPE] and [Guatemala|GPE], President [Donald Trump|PERSON] spoke.", "Donald Trump", { role: "President", country: null, sector: "GOV" }],
  // A place after the person is not read from the sentence: "President Donald Trump met Zelenskyy in Kyiv".
  ["President [Donald Trump|PERSON] met [Volodymyr Zelenskyy|PERSON] in [Kyiv|GPE].", "Donald Trump", { role: "President", country: null, sector: "GOV" }],
];

// [text, group noun, sector, country]
const groups: readonly (readonly [string, string, string, string])[] = [
  ["[Noem|PERSON] visited [Colombia|GPE] on Thursday. Later in the day, [Noem|PERSON] met with police and [Colombia|GPE]'s leftist President [Gustavo Petro|PERSON].", "police", "COP", "COL"],
  ["[Mexican|NORP] police arrested five men on Sunday.", "police", "COP", "MEX"],
  ["Police in [Haiti|GPE] said the road was closed.", "Police", "COP", "HTI"],
  ["The [Colombian|NORP] government rejected the flights.", "government", "GOV", "COL"],
  ["The [Sudanese|NORP] army shelled the city.", "army", "MIL", "SDN"],
  ["Journalists in [Russia|GPE] face prison for their reporting.", "Journalists", "MED", "RUS"],
  ["Migrants waited for days in [Tijuana|GPE].", "Migrants", "REF", "MEX"],
  ["Refugees crossed into [Chad|GPE] overnight.", "Refugees", "REF", "TCD"],
  ["[Colombia|GPE]'s rebels signed a ceasefire.", "rebels", "REB", "COL"],
];

// Texts in which no group noun is an actor.
const noGroups: readonly string[] = [
  "These deportations are being challenged in court.", // "in court": no court in particular
  "The officials also signed an agreement.", // officials of no stated country
  "Police said three men were arrested.", // police of no known country
  "[U.S.|GPE] Police Chief [Ana Ruiz|PERSON] spoke.", // a title, not a group
  "The [Venezuelan|NORP] gang [Tren de Aragua|ORG] was named.", // describes the organisation instead
];

describe("roles: titles and affiliations of people", () => {
  for (const [text, person, expected] of people) {
    it(`${person}: ${text.replace(/\[([^|\]]+)\|[A-Z]+\]/g, "$1")}`, () => {
      const { role, country, sector } = about(text, person);
      assert.deepEqual({ role, country, sector }, expected);
    });
  }
  for (const [text, person, expected] of notAbout) {
    it(`${person}, only what is said: ${text.replace(/\[([^|\]]+)\|[A-Z]+\]/g, "$1")}`, () => {
      const { role, country, sector } = about(text, person);
      assert.deepEqual({ role, country, sector }, expected);
    });
  }
  it('reads nothing from "President" with no person', () => {
    assert.deepEqual(rolesOf("President said on Thursday that talks would resume.").found, []);
    assert.deepEqual(rolesOf("The president of [Colombia|GPE] spoke.").found, []);
  });
  it("says where each reading came from", () => {
    assert.deepEqual(about("The visit marks a contrast to [Noem|PERSON]'s Wednesday visit to [El Salvador|GPE], where she met with President [Nayib Bukele|PERSON].", "Nayib Bukele").rules, ["title-before-name/country-in-sentence"]);
    const { found } = rolesOf("[U.S.|GPE] [Homeland Security|ORG] Secretary [Kristi Noem|PERSON] visited.");
    assert.equal(found[0]?.text, "Homeland Security Secretary");
    assert.equal(found[0]?.affiliation, 0, "the affiliation is the mention of the U.S.");
    assert.deepEqual(found[0]?.provenance, { stage: "roles", rule: "title-before-name" });
  });
  it("declares what it needs", () => {
    assert.deepEqual([...roles.requires].sort(), ["entities", "sentences", "tokens"]);
    assert.deepEqual(roles.provides, ["roles"]);
  });
});

describe("roles: group nouns", () => {
  for (const [text, noun, sector, country] of groups) {
    it(`"${noun}" -> ${country}${sector}: ${text.replace(/\[([^|\]]+)\|[A-Z]+\]/g, "$1")}`, () => {
      const found = rolesOf(text).found.filter((r) => r.holder === null);
      assert.deepEqual(
        found.map((r) => [r.text, r.sector, r.country]),
        [[noun, sector, country]],
      );
    });
  }
  for (const text of noGroups) {
    it(`no group actor: ${text.replace(/\[([^|\]]+)\|[A-Z]+\]/g, "$1")}`, () => {
      assert.deepEqual(rolesOf(text).found.filter((r) => r.holder === null && r.country !== null), []);
    });
  }
  it('"the Venezuelan gang Tren de Aragua": the organisation is a gang of Venezuela', () => {
    const { found } = rolesOf("Prisoners were members of the [Venezuelan|NORP] gang [Tren de Aragua|ORG].");
    assert.deepEqual(found.map((r) => [r.text, r.sector, r.country, r.holder, r.provenance.rule]), [["gang", "CRM", "VEN", 1, "descriptor-before-org"]]);
  });
});
