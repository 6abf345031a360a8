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

const settingsSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
    /** Days between the notification and the automatic creation of the space (CSP R.1111-28). */
    WAITING_PERIOD_DAYS: z.coerce.number().int().min(1).max(365).default(42),
    /** Validity of a code sent with the notification (e-mail or letter). */
    NOTIFICATION_CODE_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(42),
    /** Validity of a code asked for with "Générer un nouveau code provisoire". */
    REQUESTED_CODE_VALIDITY_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  })
  .superRefine((settings, context) => {
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
