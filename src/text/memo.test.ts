import { test } from "node:test";
import assert from "node:assert/strict";
import { memoize } from "./memo.js";

test("memoize computes once per key and stays right when its bounded table starts over", () => {
  let calls = 0;
  const upper = memoize((w: string) => {
    calls++;
    return w.toUpperCase();
  }, 2);
  assert.equal(upper("noem"), "NOEM");
  assert.equal(upper("noem"), "NOEM");
  assert.equal(calls, 1, "the second call is a lookup");
  upper("petro");
  upper("bukele"); // the table was full: it starts over
  assert.equal(upper("noem"), "NOEM", "after starting over, still the right answer");
  assert.equal(calls, 4);
});
