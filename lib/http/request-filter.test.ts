import { describe, expect, it } from "vitest";
import { findActionBodyRefusal, findRequestRefusal } from "./request-filter";

const production = { appOrigin: "https://mon-espace-sante.example", isDevelopment: false };
const development = { appOrigin: "http://localhost:3000", isDevelopment: true };

function request(method: string, headers: Record<string, string>, pathname = "/connexion") {
  return { method, pathname, headers: new Headers({ host: "mon-espace-sante.example", ...headers }) };
}

describe("findRequestRefusal", () => {
  it("lets a page view and a same-origin form post through", () => {
    expect(findRequestRefusal(request("GET", {}), production)).toBeNull();
    expect(findRequestRefusal(request("POST", { origin: "https://mon-espace-sante.example", "sec-fetch-site": "same-origin" }), production)).toBeNull();
  });

  it("lets a post without Origin through: no browser sends one, so it carries no one else's cookies", () => {
    expect(findRequestRefusal(request("POST", {}), production)).toBeNull();
  });

  it.each([
    "https://evil.example",
    "http://mon-espace-sante.example",
    "https://mon-espace-sante.example.evil.example",
    "https://mon-espace-sante.example:443",
    "https://MON-ESPACE-SANTE.example",
    "https://mon-espace-sante.example/",
    "null",
    "",
    "not a url",
    "https://mon-espace-sante.example, https://evil.example",
  ])("refuses a post from Origin %j with 403", (origin) => {
    expect(findRequestRefusal(request("POST", { origin }), production)).toEqual({ status: 403, message: "Requête refusée." });
  });

  it.each(["cross-site", "same-site", "none"])("refuses a post a browser marks Sec-Fetch-Site: %s", (site) => {
    expect(findRequestRefusal(request("POST", { "sec-fetch-site": site }), production)?.status).toBe(403);
  });

  it.each(["PUT", "PATCH", "DELETE", "post"])("treats %s like POST", (method) => {
    expect(findRequestRefusal(request(method, { origin: "https://evil.example" }), production)?.status).toBe(403);
  });

  it.each(["x-middleware-subrequest", "x-middleware-prefetch", "x-middleware-rewrite"])("refuses any request carrying %s (CVE-2025-29927)", (name) => {
    expect(findRequestRefusal(request("GET", { [name]: "proxy:proxy:proxy:proxy:proxy" }), production)?.status).toBe(403);
  });

  it("refuses, in production, a Host or X-Forwarded-Host other than APP_ORIGIN's", () => {
    expect(findRequestRefusal(request("GET", { host: "evil.example" }), production)).toEqual({ status: 400, message: "Hôte non reconnu." });
    expect(findRequestRefusal(request("GET", { "x-forwarded-host": "evil.example" }), production)?.status).toBe(400);
    expect(findRequestRefusal(request("GET", { "x-forwarded-host": "mon-espace-sante.example, evil.example" }), production)?.status).toBe(400);
    expect(findRequestRefusal(request("GET", { "x-forwarded-proto": "javascript" }), production)?.status).toBe(400);
    // A reverse proxy that rewrites Host says where the request was sent in X-Forwarded-Host.
    expect(findRequestRefusal(request("GET", { host: "app:3000", "x-forwarded-host": "mon-espace-sante.example" }), production)).toBeNull();
  });

  it("answers the health check under any host, for load balancers", () => {
    expect(findRequestRefusal(request("GET", { host: "10.0.0.7:3000" }, "/api/health"), production)).toBeNull();
  });

  it("in development, accepts any host and posts from the host the page came from", () => {
    const local = { host: "127.0.0.1:3000" };
    expect(findRequestRefusal(request("GET", local), development)).toBeNull();
    expect(findRequestRefusal(request("POST", { ...local, origin: "http://127.0.0.1:3000" }), development)).toBeNull();
    expect(findRequestRefusal(request("POST", { ...local, origin: "http://localhost:3000" }), development)).toBeNull();
    expect(findRequestRefusal(request("POST", { ...local, origin: "http://evil.example" }), development)?.status).toBe(403);
  });
});

describe("findActionBodyRefusal", () => {
  const action = "7f0000000000000000000000000000000000000000";

  function post(body: BodyInit, headers: Record<string, string> = {}, path = "/connexion") {
    return new Request(`https://mon-espace-sante.example${path}`, { method: "POST", body, headers });
  }

  function form(entries: Record<string, string>): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.append(name, value);
    return data;
  }

  it("lets React's encodings through: JSON text, or multipart whose JSON parts parse", async () => {
    expect(await findActionBodyRefusal(post("[]", { "next-action": action, "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    const reply = form({ "0": '[{"status":"idle"},"$K1"]', "_1_$ACTION_1:1": '[{"status":"idle"}]', _1_identifier: "{not json" });
    expect(await findActionBodyRefusal(post(reply, { "next-action": action }))).toBeNull();
  });

  it.each([
    ["a body that is not JSON", () => post("garbage", { "next-action": action, "content-type": "text/plain" })],
    ["a JSON body that is not an argument list", () => post('{"a":1}', { "next-action": action, "content-type": "text/plain" })],
    ["an unexpected content type", () => post("a=b", { "next-action": action, "content-type": "application/x-www-form-urlencoded" })],
    ["a truncated multipart body", () => post("--xyz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]", { "next-action": action, "content-type": "multipart/form-data; boundary=xyz" })],
    ["an argument list that does not parse", () => post(form({ "0": "[1," }), { "next-action": action })],
    ["no argument list", () => post(form({ _1_identifier: "x" }), { "next-action": action })],
    ["a stray part beside React's", () => post(form({ "0": '["$K1"]', _1_identifier: "x", "": "y" }), { "next-action": action })],
    ["a field holding a NUL character", () => post(form({ "0": '[{},"$K1"]', _1_identifier: "a\u0000b" }), { "next-action": action })],
    ["a JSON argument holding a NUL character", () => post('["a\\u0000"]', { "next-action": action, "content-type": "text/plain" })],
    ["a part named __proto__", () => post(form({ "0": '["$K1"]', ["__proto__"]: "y" }), { "next-action": action })],
    ["a plain form post whose bound arguments do not parse", () => post(form({ "$ACTION_1:0": "{", "$ACTION_REF_1": "" }))],
  ])("refuses %s with 400", async (_label, build) => {
    expect(await findActionBodyRefusal(build())).toEqual({ status: 400, message: "Requête mal formée." });
  });

  it("refuses a multipart post that does not parse, wherever it goes", async () => {
    const broken = post("x", { "content-type": "multipart/form-data" }, "/api/auth");
    expect(await findActionBodyRefusal(broken)).toEqual({ status: 400, message: "Requête mal formée." });
  });

  it("leaves other requests to their handlers", async () => {
    expect(await findActionBodyRefusal(post("anything", { "content-type": "application/json" }, "/api/auth/callback/credentials"))).toBeNull();
    expect(await findActionBodyRefusal(new Request("https://mon-espace-sante.example/connexion"))).toBeNull();
  });
});

describe("findRequestRefusal on paths", () => {
  it.each(["/api/auth/%E0%A4%A", "/messagerie/%", "/dev/outbox/courriers/%zz"])("refuses %s, whose percent-encoding does not decode, with 400", (pathname) => {
    expect(findRequestRefusal(request("GET", {}, pathname), production)).toEqual({ status: 400, message: "Requête mal formée." });
  });

  it("refuses a NUL character in the path or the query with 400", () => {
    expect(findRequestRefusal({ ...request("GET", {}, "/dev/outbox"), search: "?destinataire=%00" }, production)?.status).toBe(400);
    expect(findRequestRefusal(request("GET", {}, "/messagerie/%00"), production)?.status).toBe(400);
  });

  it("lets an encoded path that decodes through", () => {
    expect(findRequestRefusal(request("GET", {}, "/documents/r%C3%A9sultats"), production)).toBeNull();
  });
});

describe("findRequestRefusal on Auth.js' endpoints", () => {
  it.each(["GET /api/auth/session", "POST /api/auth/session", "GET /api/auth/csrf", "GET /api/auth/providers"])("keeps %s open", (route) => {
    const [method, pathname] = route.split(" ") as [string, string];
    expect(findRequestRefusal(request(method, {}, pathname), production)).toBeNull();
  });

  it.each(["GET /api/auth/signin", "POST /api/auth/signin/credentials", "GET /api/auth/callback/credentials", "POST /api/auth/callback/credentials", "POST /api/auth/signout", "GET /api/auth/error", "DELETE /api/auth/session"])(
    "closes %s, which the app does not use, with 404",
    (route) => {
      const [method, pathname] = route.split(" ") as [string, string];
      expect(findRequestRefusal(request(method, {}, pathname), production)).toEqual({ status: 404, message: "Page introuvable." });
    },
  );
});
