import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { expect, test } from "./support/test";
import { createActivePatient } from "./support/patients";
import { e2eServer } from "./support/server";
import { signIn } from "./support/session";

/**
 * `npm run services:demo-client` against the running app, as the README tells a reader to run it:
 * the script prints the authorisation URL, the patient approves in the browser, the browser comes
 * back to the script's own listener on the demo service's redirect URI, and the script goes on.
 */

// The script listens on the demo service's one redirect URI, a fixed port: the phone project leaves this spec out (playwright.config.ts).

function outputOf(child: ChildProcessWithoutNullStreams) {
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { read: () => text, ended: new Promise<number | null>((resolve) => child.on("close", resolve)) };
}

test("the demo service client walks the flow: the patient approves in the browser, the script reads, refreshes and revokes", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Bérénice", isOnboarded: true });
  await signIn(page, patient.id);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo-service-client.ts", "--app", e2eServer.origin], { cwd: process.cwd() });
  const output = outputOf(child);
  try {
    await expect.poll(() => output.read(), { timeout: 30_000 }).toContain("code_challenge_method=S256");
    const url = /(http:\/\/\S+\/catalogue\/autorisation\?\S+)/.exec(output.read())?.[1];
    expect(url).toBeDefined();
    await page.goto(url!);
    await expect(page.getByRole("heading", { level: 1, name: "Autoriser Carnet de mesures (démo)" })).toBeVisible();
    await page.getByRole("button", { name: "Autoriser" }).click();
    await expect(page.getByText("C'est reçu : vous pouvez fermer cet onglet")).toBeVisible();
    expect(await output.ended).toBe(0);
    const text = output.read();
    for (const line of ["GET Observation : HTTP 200", "GET DocumentReference : HTTP 200", "GET Appointment : HTTP 200", "rejouer l'ancien : HTTP 400", "POST /api/oauth/revoke : HTTP 200"]) {
      expect(text).toContain(line);
    }
    // After the revocation, the last read is refused.
    expect(text.slice(text.indexOf("POST /api/oauth/revoke"))).toContain("GET Observation : HTTP 401");
  } finally {
    child.kill();
  }
});
