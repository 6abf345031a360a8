import { afterEach, describe, expect, it, vi } from "vitest";
import { getDatabaseSettings, getDocumentSettings, getSettings, isOutboxEnabled } from "./env";

afterEach(() => vi.unstubAllEnvs());

describe("configuration", () => {
  it("refuses to start in production without real providers", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("OUTBOX_ENABLED", "");
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("SMS_PROVIDER", "");
    expect(() => getSettings()).toThrow(/RESEND_API_KEY[\s\S]*SMS_PROVIDER/);
  });

  it("starts in production with the outbox when the operator enables it, and says so", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("OUTBOX_ENABLED", "true");
    vi.stubEnv("DOCUMENT_MASTER_KEYS", `k1:${"A".repeat(43)}=`);
    expect(isOutboxEnabled(getSettings())).toBe(true);
  });

  it("parses the environment once, and again only when a setting changes", () => {
    const first = getSettings();
    expect(getSettings()).toBe(first);
    vi.stubEnv("WAITING_PERIOD_DAYS", "30");
    const changed = getSettings();
    expect(changed).not.toBe(first);
    expect(changed.WAITING_PERIOD_DAYS).toBe(30);
  });

  it("gives the database client its settings without asking for the others", () => {
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => getSettings()).toThrow(/AUTH_SECRET/);
    expect(getDatabaseSettings().PGLITE_DATA_DIR).toMatch(/\S/);
  });

  it("refuses a short secret", () => {
    vi.stubEnv("AUTH_SECRET", "short");
    expect(() => getSettings()).toThrow(/AUTH_SECRET/);
  });

  it("refuses to start in production without the documents' master keys", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("OUTBOX_ENABLED", "true");
    vi.stubEnv("DOCUMENT_MASTER_KEYS", "");
    expect(() => getSettings()).toThrow(/DOCUMENT_MASTER_KEYS/);
    expect(() => getDocumentSettings()).toThrow(/production needs DOCUMENT_MASTER_KEYS/);
  });

  it("refuses master keys that are not id:base64 pairs of 32 bytes, and S3 without a bucket", () => {
    vi.stubEnv("DOCUMENT_MASTER_KEYS", "k1:dHJvcCBjb3VydA==");
    expect(() => getDocumentSettings()).toThrow(/DOCUMENT_MASTER_KEYS must read/);
    vi.stubEnv("DOCUMENT_MASTER_KEYS", "");
    vi.stubEnv("DOCUMENT_STORAGE", "s3");
    expect(() => getDocumentSettings()).toThrow(/S3_BUCKET/);
  });
});
