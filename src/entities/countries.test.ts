import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { EntityType } from "../model/document.js";
import { readTable } from "../model/dataFiles.js";
import { countries, countryIndex, groupCountry, mentionCountry, nameKey, resolveCountries } from "./countries.js";
import { handBuiltDoc } from "./handBuilt.js";

// [mention text, type, expected country]
const cases: readonly (readonly [string, EntityType, string | null])[] = [
  ["U.S.", "GPE", "USA"],
  ["US", "GPE", "USA"],
  ["United States", "GPE", "USA"],
  ["the United States", "GPE", "USA"],
  ["United States of America", "GPE", "USA"],
  ["American", "NORP", "USA"], // not U.S. Minor Outlying Islands, whose demonym is also "American"
  ["Americans", "NORP", "USA"],
  ["Salvadoran", "NORP", "SLV"],
  ["Salvadorans", "NORP", "SLV"],
  ["El Salvador", "GPE", "SLV"],
  ["Colombian", "NORP", "COL"],
  ["Colombians", "NORP", "COL"],
  ["Venezuelans", "NORP", "VEN"],
  ["Venezuelan", "NORP", "VEN"],
  ["Mexico", "GPE", "MEX"],
  ["Britain", "GPE", "GBR"],
  ["British", "NORP", "GBR"],
  ["Ivory Coast", "GPE", "CIV"],
  ["Côte d’Ivoire", "GPE", "CIV"],
  ["Burma", "GPE", "MMR"],
  ["Holland", "GPE", "NLD"],
  ["Palestinians", "NORP", "PSE"],
  ["Bogotá", "GPE", "COL"], // a city: Phoenix's country dictionary
  ["San Salvador", "GPE", "SLV"],
  ["Kyiv", "GPE", "UKR"],
  ["Gaza", "GPE", "PSE"],
  ["Europe", "LOC", "EUR"],
  ["European Union", "ORG", "EUR"],
  ["EU", "ORG", "EUR"],
  ["United Nations", "ORG", "UNO"],
  ["U.N.", "ORG", "UNO"],
  ["UN Security Council", "ORG", "UNO"],
  ["UNHCR", "ORG", "UNO"],
  ["NATO", "ORG", "NAT"],
  ["North Atlantic Treaty Organization", "ORG", "NAT"],
  ["African Union", "ORG", "IGO"],
  ["OPEC", "ORG", "IGO"],
  ["International Monetary Fund", "ORG", "IGO"],
  ["State Department", "ORG", "USA"],
  ["Pentagon", "ORG", "USA"],
  ["Colombian National Police", "ORG", "COL"], // a country's name leading the organisation's
];

// Names that must get no country: regions, names two countries share, and types this stage does not read.
const negatives: readonly (readonly [string, EntityType])[] = [
  ["Latin American", "NORP"],
  ["Latin America", "LOC"],
  ["Middle East", "LOC"],
  ["Congolese", "NORP"], // COD or COG
  ["Korean", "NORP"], // KOR or PRK
  ["Republicans", "NORP"],
  ["Muslims", "NORP"],
  ["Tren de Aragua", "ORG"],
  ["Jordan", "PERSON"], // the person, not the country: PERSON mentions are the roles stage's
  ["Petro", "PERSON"],
];

describe("countries: names -> ISO 3166-1 alpha-3 or a CAMEO group code", () => {
  for (const [text, type, expected] of cases) {
    it(`${type} "${text}" -> ${expected}`, () => {
      assert.equal(mentionCountry({ text, type }) ?? null, expected);
    });
  }
  for (const [text, type] of negatives) {
    it(`${type} "${text}" -> no country`, () => {
      assert.equal(mentionCountry({ text, type }) ?? null, null);
    });
  }

  it("keys names without accents, case, a leading 'the' or a possessive", () => {
    assert.equal(nameKey("the United States’"), "united states");
    assert.equal(nameKey("Bogotá"), "bogota");
    assert.equal(nameKey("Colombia's"), "colombia");
  });

  it("turns a body's CAMEO code into FORMAT.md's country", () => {
    assert.equal(groupCountry("IGOUNOREFHCR"), "UNO");
    assert.equal(groupCountry("IGOWSTNAT"), "NAT");
    assert.equal(groupCountry("IGOEUREEC"), "EUR");
    assert.equal(groupCountry("IGOAFRAFU"), "IGO");
  });

  it("names a country as world-countries does, so that articles meet in the store", () => {
    assert.equal(countryIndex().countryName("USA"), "United States");
    assert.equal(countryIndex().countryName("SLV"), "El Salvador");
    assert.equal(countryIndex().countryName("NAT"), "NATO");
  });

  it("fills country on the entities layer, keeps a country already given, and gives an organisation after a country's name that country", () => {
    const doc = resolveCountries(handBuiltDoc("[U.S.|GPE] [Coast Guard|ORG] ships left [Colombia|GPE]'s waters as [Salvadoran|NORP] and [Latin American|NORP] officials watched."));
    const got = (doc.layers.entities ?? []).map((e) => [e.text, e.country]);
    assert.deepEqual(got, [
      ["U.S.", "USA"],
      ["Coast Guard", "USA"],
      ["Colombia", "COL"],
      ["Salvadoran", "SLV"],
      ["Latin American", null],
    ]);
    assert.deepEqual(countries.requires, ["entities"]);
  });

  it("every country code in the data files is ISO 3166-1 alpha-3 (world-countries) or a CAMEO group code", () => {
    const iso = new Set((createRequire(import.meta.url)("world-countries") as { cca3: string }[]).map((c) => c.cca3));
    const groups = new Set(["EUR", "NAT", "UNO", "IGO"]);
    for (const file of ["entities/places.tsv", "entities/phoenix-places.tsv"]) {
      for (const row of readTable(file)) {
        const code = row["country"] ?? "";
        assert.ok(code === "-" || iso.has(code) || groups.has(code), `${file}: ${row["name"]} -> ${code}`);
      }
    }
    for (const file of ["entities/organizations.tsv", "entities/phoenix-orgs.tsv"]) {
      for (const row of readTable(file)) {
        const code = row["code"] ?? "";
        assert.ok(code.startsWith("IGO") || iso.has(code.slice(0, 3)), `${file}: ${row["name"]} -> ${code}`);
      }
    }
  });
});

describe("countries: non-state armed groups", () => {
  it("codes a group by its country and the rebel sector, from Phoenix's dictionary and newsgraph's own rows", () => {
    const code = (name: string) => countryIndex().org(name)?.code ?? null;
    assert.equal(code("Hamas"), "PSEREB");
    assert.equal(code("Taliban"), "AFGREB");
    assert.equal(code("al-Shabab"), "SOMREB");
    assert.equal(code("Boko Haram"), "NGAREB");
    assert.equal(code("Hezbollah"), "LBNREB");
    assert.equal(code("Houthis"), "YEMREB", "later than Phoenix's dictionary: organizations.tsv");
    assert.equal(code("BLA"), "PAKREB");
  });
  it("leaves out the dictionary's leaders and common words filed under a group", () => {
    const org = (name: string) => countryIndex().org(name);
    for (const word of ["Zero", "Youth", "Tigers", "Falcon", "organization", "Khaled Meshaal"]) assert.equal(org(word), undefined, word);
  });
});
