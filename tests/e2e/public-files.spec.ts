import { expect, test } from "./support/test";

test("a phone can install the app: a manifest in French with its icons, allowed by the page's policy", async ({ page, request }) => {
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#114a8c");

  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Mon espace santé", lang: "fr", display: "standalone", theme_color: "#114a8c" });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string }[]) {
    const image = await request.get(icon.src);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  // The browser fetches the manifest itself: the page's Content-Security-Policy must allow it.
  await page.reload();
  expect(policyViolations).toEqual([]);
});

test("search engines are asked to stay out of the space and the professionals' portal", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  for (const path of ["/accueil", "/messagerie", "/profil-medical", "/questionnaire", "/pro"]) {
    expect(text).toContain(`Disallow: ${path}`);
  }
  expect(text).toContain("Allow: /");
});

test("the benchmark's reference page is not served outside the benchmark", async ({ request }) => {
  expect((await request.get("/bench-baseline")).status()).toBe(404);
});
