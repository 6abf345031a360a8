import { type IncomingHttpHeaders, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { outgoingMessages } from "@/db/schema";
import { MAX_DELIVERY_ATTEMPTS, deliverPendingMessages, queueEmail, queueSms } from "@/lib/delivery";
import { isOutboxEnabled } from "@/lib/env";

type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
type Answer = { status: number; body: unknown };

/** A provider stand-in on 127.0.0.1 that records every request and answers as told. */
async function startFakeProvider(answer: (request: RecordedRequest) => Answer) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      requests.push(recorded);
      const { status, body } = answer(recorded);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
let provider: FakeProvider | undefined;

function useBrevo(url: string) {
  vi.stubEnv("OUTBOX_ENABLED", "false");
  vi.stubEnv("SMS_PROVIDER", "brevo");
  vi.stubEnv("BREVO_API_KEY", "xkeysib-test");
  vi.stubEnv("BREVO_API_URL", url);
  vi.stubEnv("SMS_SENDER", "MonEspSante");
}

function useResend(url: string) {
  vi.stubEnv("OUTBOX_ENABLED", "false");
  vi.stubEnv("RESEND_API_KEY", "re_test_key");
  vi.stubEnv("RESEND_BASE_URL", url);
  vi.stubEnv("EMAIL_FROM", "Mon espace santé <ne-pas-repondre@example.org>");
}

async function onlyMessage() {
  const rows = await getDb().select().from(outgoingMessages);
  expect(rows).toHaveLength(1);
  return rows[0] as (typeof rows)[number];
}

const MINUTE = 60_000;

beforeEach(async () => {
  await getDb().delete(outgoingMessages);
  // Provider failures are logged on purpose; keep the test output readable.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await provider?.close();
  provider = undefined;
});

describe("SMS through Brevo", () => {
  it("sends the transactional SMS request Brevo expects, then marks the message sent and erases its text", async () => {
    provider = await startFakeProvider(() => ({ status: 201, body: { reference: "ref-1", messageId: 1511882900176220 } }));
    useBrevo(provider.url);
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Mon espace santé : votre code provisoire est 482913." });
    expect((await onlyMessage()).status).toBe("pending");

    expect(await deliverPendingMessages()).toEqual({ sent: 1, failed: 0 });

    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v3/transactionalSMS/sms");
    expect(request?.headers["api-key"]).toBe("xkeysib-test");
    expect(request?.headers["content-type"]).toContain("application/json");
    expect(request?.body).toMatchObject({
      sender: "MonEspSante",
      recipient: "33699001122",
      content: "Mon espace santé : votre code provisoire est 482913.",
      type: "transactional",
    });

    const row = await onlyMessage();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(1);
    expect(row.providerMessageId).toBe("1511882900176220");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.textBody).toBeNull();
    expect(row.recipient).toBe("+33699001122");
    expect(row.template).toBe("provisional-code");

    expect(await deliverPendingMessages()).toEqual({ sent: 0, failed: 0 });
    expect(provider.requests).toHaveLength(1);
  });

  it("marks a message failed on a 5xx and sends it on a later run, once", async () => {
    let isDown = true;
    provider = await startFakeProvider(() =>
      isDown ? { status: 503, body: { code: "service_unavailable", message: "try later" } } : { status: 201, body: { messageId: 42 } },
    );
    useBrevo(provider.url);
    await queueSms(getDb(), { to: "+33699001122", template: "contact-verification", text: "Code 123456" });
    const start = new Date();

    expect(await deliverPendingMessages({ now: start })).toEqual({ sent: 0, failed: 1 });
    let row = await onlyMessage();
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("503");
    expect(row.textBody).toBe("Code 123456");
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThan(start.getTime());

    // Not before its retry time.
    expect(await deliverPendingMessages({ now: start })).toEqual({ sent: 0, failed: 0 });
    expect(provider.requests).toHaveLength(1);

    isDown = false;
    expect(await deliverPendingMessages({ now: new Date(start.getTime() + 2 * MINUTE) })).toEqual({ sent: 1, failed: 0 });
    row = await onlyMessage();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    expect(row.textBody).toBeNull();
    expect(provider.requests).toHaveLength(2);
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts and erases the text`, async () => {
    provider = await startFakeProvider(() => ({ status: 500, body: { message: "boom" } }));
    useBrevo(provider.url);
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Code 123456" });
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      expect(await deliverPendingMessages({ now })).toEqual({ sent: 0, failed: 1 });
      now = new Date(now.getTime() + 3 * 60 * MINUTE);
    }
    const row = await onlyMessage();
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_DELIVERY_ATTEMPTS);
    expect(row.nextAttemptAt).toBeNull();
    expect(row.textBody).toBeNull();

    expect(await deliverPendingMessages({ now: new Date(now.getTime() + 24 * 60 * MINUTE) })).toEqual({ sent: 0, failed: 0 });
    expect(provider.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it("does not retry a request Brevo refuses as invalid", async () => {
    provider = await startFakeProvider(() => ({ status: 400, body: { code: "invalid_parameter", message: "Invalid phone number" } }));
    useBrevo(provider.url);
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Code 123456" });

    expect(await deliverPendingMessages()).toEqual({ sent: 0, failed: 1 });
    const row = await onlyMessage();
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("Invalid phone number");
    expect(row.nextAttemptAt).toBeNull();
    expect(row.textBody).toBeNull();
  });

  it("sends each message once when two runs deliver at the same time", async () => {
    provider = await startFakeProvider((request) => ({ status: 201, body: { messageId: provider?.requests.indexOf(request) } }));
    useBrevo(provider.url);
    for (let index = 0; index < 6; index += 1) {
      await queueSms(getDb(), { to: `+3369900112${index}`, template: "provisional-code", text: `Code ${index}` });
    }
    const results = await Promise.all([deliverPendingMessages(), deliverPendingMessages()]);
    expect(results.reduce((total, result) => total + result.sent, 0)).toBe(6);
    expect(provider.requests).toHaveLength(6);
    expect(new Set(provider.requests.map((request) => request.body.recipient)).size).toBe(6);
  });

  it("takes back a message left 'sending' by a run that died", async () => {
    provider = await startFakeProvider(() => ({ status: 201, body: { messageId: 7 } }));
    useBrevo(provider.url);
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Code 123456" });
    const now = new Date();
    await getDb()
      .update(outgoingMessages)
      .set({ status: "sending", attempts: 1, claimedAt: new Date(now.getTime() - 2 * MINUTE) });

    // Still within the other run's lease: left alone.
    expect(await deliverPendingMessages({ now })).toEqual({ sent: 0, failed: 0 });

    expect(await deliverPendingMessages({ now: new Date(now.getTime() + 15 * MINUTE) })).toEqual({ sent: 1, failed: 0 });
    const row = await onlyMessage();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(2);
  });
});

describe("e-mail through Resend", () => {
  it("sends through the Resend SDK with an idempotency key and the attachment, then erases the bodies", async () => {
    provider = await startFakeProvider(() => ({ status: 200, body: { id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c" } }));
    useResend(provider.url);
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x33]);
    await queueEmail(getDb(), {
      to: "camille.martin@example.org",
      template: "opposition-receipt",
      subject: "Votre opposition à la création de Mon espace santé",
      text: "Bonjour Camille,",
      html: "<p>Bonjour Camille,</p>",
      attachments: [{ filename: "justificatif-opposition.pdf", contentType: "application/pdf", content: pdf }],
    });
    const queued = await onlyMessage();
    expect(queued.status).toBe("pending");

    expect(await deliverPendingMessages()).toEqual({ sent: 1, failed: 0 });

    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["idempotency-key"]).toBe(`outgoing-message-${queued.id}`);
    expect(request?.body).toMatchObject({
      from: "Mon espace santé <ne-pas-repondre@example.org>",
      to: "camille.martin@example.org",
      subject: "Votre opposition à la création de Mon espace santé",
      text: "Bonjour Camille,",
      html: "<p>Bonjour Camille,</p>",
      attachments: [
        {
          filename: "justificatif-opposition.pdf",
          content_type: "application/pdf",
          content: Buffer.from(pdf).toString("base64"),
        },
      ],
    });

    const row = await onlyMessage();
    expect(row.status).toBe("sent");
    expect(row.providerMessageId).toBe("4ef9a417-02e9-4d39-ad75-9611e0fcc33c");
    expect(row.textBody).toBeNull();
    expect(row.htmlBody).toBeNull();
    expect(row.attachments).toBeNull();
    expect(row.subject).toBe("Votre opposition à la création de Mon espace santé");
    expect(row.recipient).toBe("camille.martin@example.org");
    expect(row.template).toBe("opposition-receipt");
  });

  it("retries after a Resend server error, with the same idempotency key", async () => {
    let answers = 0;
    provider = await startFakeProvider(() =>
      answers++ === 0
        ? { status: 500, body: { statusCode: 500, name: "internal_server_error", message: "Unexpected error" } }
        : { status: 200, body: { id: "re-2" } },
    );
    useResend(provider.url);
    await queueEmail(getDb(), { to: "jean.dupont@example.org", template: "activation-confirmation", subject: "S", text: "T", html: "<p>T</p>" });
    const start = new Date();

    expect(await deliverPendingMessages({ now: start })).toEqual({ sent: 0, failed: 1 });
    expect((await onlyMessage()).lastError).toContain("500");
    expect(await deliverPendingMessages({ now: new Date(start.getTime() + 2 * MINUTE) })).toEqual({ sent: 1, failed: 0 });

    const keys = provider.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("does not retry an address Resend rejects", async () => {
    provider = await startFakeProvider(() => ({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." },
    }));
    useResend(provider.url);
    await queueEmail(getDb(), { to: "jean.dupont@example.org", template: "activation-confirmation", subject: "S", text: "T", html: "<p>T</p>" });

    expect(await deliverPendingMessages()).toEqual({ sent: 0, failed: 1 });
    const row = await onlyMessage();
    expect(row.status).toBe("failed");
    expect(row.nextAttemptAt).toBeNull();
    expect(row.htmlBody).toBeNull();
  });
});

describe("channels configured separately", () => {
  it("sends e-mails through the provider while SMS stay in the outbox", async () => {
    provider = await startFakeProvider(() => ({ status: 200, body: { id: "re-3" } }));
    useResend(provider.url);
    expect(isOutboxEnabled()).toBe(true);
    await queueEmail(getDb(), { to: "jean.dupont@example.org", template: "notification", subject: "S", text: "T", html: "<p>T</p>" });
    await queueSms(getDb(), { to: "+33699001122", template: "provisional-code", text: "Code 123456" });

    expect(await deliverPendingMessages()).toEqual({ sent: 1, failed: 0 });
    const sms = await getDb().select().from(outgoingMessages).where(eq(outgoingMessages.channel, "sms"));
    expect(sms).toHaveLength(1);
    expect(sms[0]?.status).toBe("outbox");
    expect(sms[0]?.textBody).toBe("Code 123456");
  });

  it("uses no outbox once both providers are configured", async () => {
    provider = await startFakeProvider(() => ({ status: 200, body: { id: "x" } }));
    useResend(provider.url);
    useBrevo(provider.url);
    expect(isOutboxEnabled()).toBe(false);
  });
});
