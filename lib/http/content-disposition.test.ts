import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("Content-Disposition", () => {
  it("names the file in ASCII and in UTF-8", () => {
    expect(contentDisposition("attachment", "Compte rendu d'échographie.pdf")).toBe(
      `attachment; filename="Compte rendu d'echographie.pdf"; filename*=UTF-8''Compte%20rendu%20d%27%C3%A9chographie.pdf`,
    );
  });

  it("lets no quote, line break or parameter out of the name", () => {
    const header = contentDisposition("inline", 'x"; filename=evil.html\r\nSet-Cookie: a=b.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^inline; filename="x__ filename=evil.html  Set-Cookie: a=b.txt"; filename\*=UTF-8''x%22%3B%20/);
  });
});
