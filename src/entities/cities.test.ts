import { test } from "node:test";
import assert from "node:assert/strict";
import { findCity } from "./cities.js";

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
