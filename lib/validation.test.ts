import { describe, expect, it } from "vitest";
import { submittedForm } from "./validation";

describe("submittedForm", () => {
  it("returns the form a page posted", () => {
    const form = new FormData();
    form.set("nir", "298123306302748");
    expect(submittedForm(form).get("nir")).toBe("298123306302748");
  });

  it("reads any other argument a crafted request decodes to as an empty form", () => {
    for (const submitted of [undefined, null, "nir=1", 42, [], { nir: "298123306302748", get: () => "1" }]) {
      const form = submittedForm(submitted);
      expect(form).toBeInstanceOf(FormData);
      expect([...form.keys()]).toEqual([]);
    }
  });
});
