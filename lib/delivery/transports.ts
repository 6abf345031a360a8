import "server-only";
import { Resend } from "resend";
import type { StoredAttachment } from "@/db/schema";
import type { Settings } from "@/lib/env";

/** What a provider answered: accepted with its id, or refused (worth retrying or not). */
export type TransportResult =
  | { isAccepted: true; providerMessageId: string }
  | { isAccepted: false; error: string; isRetryable: boolean };

export type EmailToSend = {
  /** Our row id: the provider's idempotency key, so a retried request is never sent twice. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
};

export type SmsToSend = { id: string; to: string; text: string };

/** A provider slower than this is treated as down; the row is retried later. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Keeps an error message short enough to log and store. */
const ERROR_MAX_LENGTH = 300;

/** 4xx answers mean the request itself is wrong (bad number, bad address): trying again changes nothing. */
function isRetryableStatus(status: number | null): boolean {
  if (status === null) return true;
  if (status === 408 || status === 429) return true;
  return status >= 500;
}

function shorten(message: string): string {
  return message.length > ERROR_MAX_LENGTH ? `${message.slice(0, ERROR_MAX_LENGTH)}…` : message;
}

/** Resend, through its official SDK; `RESEND_BASE_URL` points it at a fake server in tests. */
export async function sendEmailWithResend(settings: Settings, email: EmailToSend): Promise<TransportResult> {
  if (!settings.RESEND_API_KEY) throw new Error("RESEND_API_KEY is not set");
  const resend = new Resend(settings.RESEND_API_KEY, { baseUrl: settings.RESEND_BASE_URL });
  const { data, error } = await resend.emails.send(
    {
      from: settings.EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments: email.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: attachment.base64,
      })),
    },
    { idempotencyKey: `outgoing-message-${email.id}`, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
  );
  if (error || !data) {
    const status = error && "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : null;
    return {
      isAccepted: false,
      error: shorten(`Resend ${status ?? "unreachable"}: ${error?.name ?? "error"} ${error?.message ?? "no answer"}`),
      isRetryable: isRetryableStatus(status),
    };
  }
  return { isAccepted: true, providerMessageId: data.id };
}

/**
 * The GSM 03.38 basic character set: a text made only of these fits 160 characters per SMS.
 * It holds é, è, à, ù and É, but not ê, â, î, ô, ç (which then need a Unicode SMS).
 */
const GSM_7_CHARACTERS = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);

export function isGsm7(text: string): boolean {
  return [...text].every((character) => GSM_7_CHARACTERS.has(character));
}

type BrevoAnswer = { messageId?: number | string; reference?: string; message?: string; code?: string };

/** Brevo transactional SMS: POST /v3/transactionalSMS/sms with the `api-key` header. */
export async function sendSmsWithBrevo(settings: Settings, sms: SmsToSend): Promise<TransportResult> {
  if (!settings.BREVO_API_KEY) throw new Error("BREVO_API_KEY is not set");
  const url = `${settings.BREVO_API_URL.replace(/\/+$/, "")}/v3/transactionalSMS/sms`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "api-key": settings.BREVO_API_KEY, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        sender: settings.SMS_SENDER,
        // Brevo wants the international number without its "+".
        recipient: sms.to.replace(/^\+/, ""),
        content: sms.text,
        type: "transactional",
        // Without it Brevo replaces the characters outside GSM 7-bit by unaccented ones.
        unicodeEnabled: !isGsm7(sms.text),
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { isAccepted: false, error: shorten(`Brevo unreachable: ${(error as Error).message}`), isRetryable: true };
  }
  const answer = (await response.json().catch(() => ({}))) as BrevoAnswer;
  if (!response.ok) {
    return {
      isAccepted: false,
      error: shorten(`Brevo ${response.status}: ${answer.code ?? ""} ${answer.message ?? response.statusText}`.trim()),
      isRetryable: isRetryableStatus(response.status),
    };
  }
  return { isAccepted: true, providerMessageId: String(answer.messageId ?? answer.reference ?? "") };
}
