import "server-only";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

/** Where the data lives: all the database client needs (db/client.ts), with no other setting required. */
const databaseSettingsShape = {
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: z.url().optional(),
  /** The embedded database's folder. */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
};

/**
 * Master keys of the documents' envelope encryption: "id:base64key" pairs separated by commas,
 * each key 32 bytes (AES-256); the LAST pair is the current one, the one new documents and
 * `npm run keys:rotate` wrap their data keys with. Older pairs stay until no row names them.
 */
const MASTER_KEYS_PATTERN = /^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9+/]{43}=(?:,[A-Za-z0-9_-]{1,64}:[A-Za-z0-9+/]{43}=)*$/;

/** Where documents' bytes are kept and how they are encrypted (lib/documents), for the app and its commands. */
const documentSettingsShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The store new documents go to; documents already stored are read from the store their row names. */
  DOCUMENT_STORAGE: z.enum(["database", "disk", "s3"]).default("database"),
  /** The "disk" store's folder. */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default(".data/documents"),
  DOCUMENT_MASTER_KEYS: z
    .string()
    .regex(MASTER_KEYS_PATTERN, 'DOCUMENT_MASTER_KEYS must read "id:base64key[,id2:base64key…]", each key 32 bytes in base64')
    .optional(),
  /** Outside production, without DOCUMENT_MASTER_KEYS: the file the keys are created in on first use. */
  DOCUMENT_MASTER_KEYS_FILE: z.string().min(1).default(".data/document-master-keys"),
  /** The S3-compatible store (DOCUMENT_STORAGE=s3): its endpoint, unset for AWS itself. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default("eu-west-3"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path rather than the host name: most self-hosted S3-compatible servers need it. */
  S3_FORCE_PATH_STYLE: flag,
};

type DocumentSettingsInput = { NODE_ENV: string; DOCUMENT_STORAGE: string; DOCUMENT_MASTER_KEYS?: string; S3_BUCKET?: string };

/** What the documents' settings must hold together: a bucket for S3, real master keys in production. */
function refineDocumentSettings(settings: DocumentSettingsInput, context: z.RefinementCtx): void {
  if (settings.DOCUMENT_STORAGE === "s3" && !settings.S3_BUCKET) {
    context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "DOCUMENT_STORAGE=s3 needs S3_BUCKET" });
  }
  if (settings.NODE_ENV === "production" && !settings.DOCUMENT_MASTER_KEYS) {
    context.addIssue({
      code: "custom",
      path: ["DOCUMENT_MASTER_KEYS"],
      message: "production needs DOCUMENT_MASTER_KEYS (documents are encrypted with them; see README)",
    });
  }
}

const settingsSchema = z
  .object({
    ...documentSettingsShape,
    ...databaseSettingsShape,
    /** Public origin of the app: every link in an e-mail is built from it, never from a request. */
    APP_ORIGIN: z.url().default("http://localhost:3000"),
    /** Signs cookies and keys the hashes of codes. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must hold at least 32 characters"),
    RESEND_API_KEY: z.string().min(1).optional(),
    /** Resend's API origin; only changed to point at a local fake server in tests. */
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default("Mon espace santé <ne-pas-repondre@mon-espace-sante.example>"),
    SMS_PROVIDER: z.enum(["brevo"]).optional(),
    BREVO_API_KEY: z.string().min(1).optional(),
    BREVO_API_URL: z.url().default("https://api.brevo.com"),
    SMS_SENDER: z.string().min(3).max(11).default("MonEspSante"),
    /** Keeps messages in the local outbox (/dev/outbox) even in production: demonstrations only. */
    OUTBOX_ENABLED: flag,
    /** Serves /bench-baseline, the benchmark's reference page (npm run bench sets it); off, it is a 404. */
    BENCH_BASELINE_ENABLED: flag,
    /**
     * Pro Santé Connect (OpenID Connect) for /pro: its issuer (discovery at
     * <issuer>/.well-known/openid-configuration), this service's client id and secret. All three
     * or none: unset, /pro/connexion offers the password login alone.
     */
    PSC_ISSUER: z.url().optional(),
    PSC_CLIENT_ID: z.string().min(1).optional(),
    PSC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Days between the notification and the automatic creation of the space (CSP R.1111-28). */
    WAITING_PERIOD_DAYS: z.coerce.number().int().min(1).max(365).default(42),
    /** Validity of a code sent with the notification (e-mail or letter). */
    NOTIFICATION_CODE_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(42),
    /** Validity of a code asked for with "Générer un nouveau code provisoire". */
    REQUESTED_CODE_VALIDITY_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  })
  .superRefine((settings, context) => {
    refineDocumentSettings(settings, context);
    const pscSettings = [settings.PSC_ISSUER, settings.PSC_CLIENT_ID, settings.PSC_CLIENT_SECRET];
    if (pscSettings.some(Boolean) && !pscSettings.every(Boolean)) {
      context.addIssue({ code: "custom", path: ["PSC_ISSUER"], message: "Pro Santé Connect needs PSC_ISSUER, PSC_CLIENT_ID and PSC_CLIENT_SECRET together" });
    }
    if (settings.SMS_PROVIDER === "brevo" && !settings.BREVO_API_KEY) {
      context.addIssue({ code: "custom", path: ["BREVO_API_KEY"], message: "SMS_PROVIDER=brevo needs BREVO_API_KEY" });
    }
    if (settings.NODE_ENV === "production" && !settings.OUTBOX_ENABLED) {
      if (!settings.RESEND_API_KEY) {
        context.addIssue({
          code: "custom",
          path: ["RESEND_API_KEY"],
          message: "production needs RESEND_API_KEY, or OUTBOX_ENABLED=true for a demonstration",
        });
      }
      if (!settings.SMS_PROVIDER) {
        context.addIssue({
          code: "custom",
          path: ["SMS_PROVIDER"],
          message: "production needs SMS_PROVIDER, or OUTBOX_ENABLED=true for a demonstration",
        });
      }
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

const SETTING_NAMES = Object.keys(settingsSchema.shape);

/** The environment's value of every setting, as one string: parsing again is needed only when it changes. */
function environmentKey(names: string[]): string {
  return names.map((name) => process.env[name] ?? "\u0000").join("\u0001");
}

function parseOrThrow<T>(schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cachedSettings: { key: string; settings: Settings } | undefined;

/**
 * The settings, checked by zod when the environment is first read and again only if it changed
 * since (tests change a setting for one case); otherwise the same object, once per process.
 */
export function getSettings(): Settings {
  const key = environmentKey(SETTING_NAMES);
  if (cachedSettings?.key !== key) cachedSettings = { key, settings: parseOrThrow(settingsSchema) };
  return cachedSettings.settings;
}

export type DatabaseSettings = { DATABASE_URL?: string; PGLITE_DATA_DIR: string };

const databaseSettingsSchema = z.object(databaseSettingsShape);

/** Where the data lives, for the database client and the command-line tools, which need no secret. */
export function getDatabaseSettings(): DatabaseSettings {
  return parseOrThrow(databaseSettingsSchema);
}

const documentSettingsSchema = z.object(documentSettingsShape).superRefine(refineDocumentSettings);

export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

let cachedDocumentSettings: { key: string; settings: DocumentSettings } | undefined;

/** The documents' settings, for the app and for commands (keys:rotate, documents:sweep) that need no other secret. */
export function getDocumentSettings(): DocumentSettings {
  const key = environmentKey(Object.keys(documentSettingsShape));
  if (cachedDocumentSettings?.key !== key) cachedDocumentSettings = { key, settings: parseOrThrow(documentSettingsSchema) };
  return cachedDocumentSettings.settings;
}

export type DeliveryChannel = "email" | "sms";

/**
 * Whether a channel's messages stay in the local outbox (/dev/outbox) instead of reaching a
 * provider: when asked to, or when that channel has no provider (production refuses that case
 * at start, see the schema above).
 */
export function isOutboxUsedFor(channel: DeliveryChannel, settings: Settings = getSettings()): boolean {
  if (settings.OUTBOX_ENABLED) return true;
  return channel === "email" ? !settings.RESEND_API_KEY : settings.SMS_PROVIDER !== "brevo";
}

/** The outbox is in use for at least one channel: /dev/outbox exists and the demonstration notice shows. */
export function isOutboxEnabled(settings: Settings = getSettings()): boolean {
  return isOutboxUsedFor("email", settings) || isOutboxUsedFor("sms", settings);
}
