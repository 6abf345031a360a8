import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it.each([
    ["/accueil", "/accueil"],
    ["/profil-medical", "/profil-medical"],
    ["/messagerie/42?onglet=recus#dernier", "/messagerie/42?onglet=recus#dernier"],
    ["/documents/r%C3%A9sultats", "/documents/r%C3%A9sultats"],
    ["/documents/résultats", "/documents/r%C3%A9sultats"],
    ["/agenda?du=2026-01-01&au=2026-01-31", "/agenda?du=2026-01-01&au=2026-01-31"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    // Other sites, written plainly.
    "https://evil.example",
    "http://evil.example/accueil",
    "HTTPS://evil.example",
    "//evil.example",
    "//evil.example/accueil",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "evil.example",
    "accueil",
    "./accueil",
    "../accueil",
    // Schemes that run code or carry data.
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    // Hidden behind percent-encoding, once or several times.
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "%2e%2e%2f%2fevil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d%0aSet-Cookie:x=y",
    "/%00",
    "/%E2%80%A8/evil.example",
    // Characters that URL parsers drop or read as separators.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/ /evil.example",
    "\t//evil.example",
    " //evil.example",
    "/accueil\u0000",
    // Paths that normalise into another site.
    "/a/../..//evil.example",
    "/./..//evil.example",
    "/..//evil.example",
    // Broken encodings and oddities.
    "/%E0%A4%A",
    "/100%",
    "",
    "/".padEnd(3000, "a"),
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, {}, ["/accueil"], new URL("https://evil.example")]) {
      expect(safeCallbackPath(value)).toBe(DEFAULT_CALLBACK_PATH);
    }
  });

  it("never answers with anything a browser would read as another origin", () => {
    const samples = ["/", "\\", "%2F", "%5C", "%252F", "/.", "..", "evil.example", ":", "@", "\t", "%09", "?", "#"];
    for (const first of samples) {
      for (const second of samples) {
        for (const third of samples) {
          const value = `/${first}${second}${third}`;
          const path = safeCallbackPath(value);
          expect(new URL(path, "https://mon-espace-sante.example").origin).toBe("https://mon-espace-sante.example");
          // Decoded again, as a proxy further on might, it still stays on this site.
          for (let layer = path, depth = 0; depth < 5; depth += 1, layer = decodeURIComponent(layer)) {
            expect(layer.startsWith("//")).toBe(false);
            expect(layer).not.toContain("\\");
            expect(new URL(layer, "https://mon-espace-sante.example").origin).toBe("https://mon-espace-sante.example");
          }
        }
      }
    }
  });
});
