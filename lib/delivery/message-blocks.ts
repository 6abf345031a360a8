import "server-only";
import { getSettings } from "@/lib/env";

/**
 * The content of a message as a few kinds of blocks, so that one wording gives the e-mail's
 * text and HTML parts and the PDF letters alike.
 */
export type MessageBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "code"; label: string; code: string }
  | { kind: "list"; items: string[] }
  | { kind: "link"; label: string; href: string }
  | { kind: "signature"; lines: string[] };

export type MessageContent = { subject: string; heading: string; blocks: MessageBlock[] };

export type EmailContent = { subject: string; text: string; html: string };

export const AUTOMATIC_MESSAGE_NOTICE = "Information : ce message a été généré automatiquement, merci de ne pas y répondre.";

/** A link into the app, always from the configured public origin, never from a request's Host. */
export function appUrl(path: string): string {
  return new URL(path, getSettings().APP_ORIGIN).toString();
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function blockToText(block: MessageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "code":
      return `${block.label} : ${block.code}`;
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "link":
      return `${block.label} : ${block.href}`;
    case "signature":
      return block.lines.join("\n");
  }
}

const TEXT_COLOR = "#1e293b";
const BRAND_COLOR = "#0b2e59";
const LINK_BACKGROUND = "#114a8c";

function blockToHtml(block: MessageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case "code":
      return (
        `<p style="margin:0 0 16px">${escapeHtml(block.label)} :<br>` +
        `<strong style="display:inline-block;margin-top:8px;padding:8px 16px;border:2px solid ${BRAND_COLOR};` +
        `border-radius:4px;font-size:24px;letter-spacing:4px;font-family:Consolas,Menlo,monospace;color:${BRAND_COLOR}">` +
        `${escapeHtml(block.code)}</strong></p>`
      );
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:24px">${block.items
        .map((item) => `<li style="margin-bottom:4px">${escapeHtml(item)}</li>`)
        .join("")}</ul>`;
    case "link":
      return (
        `<p style="margin:24px 0"><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;` +
        `background:${LINK_BACKGROUND};color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px">` +
        `${escapeHtml(block.label)}</a></p>`
      );
    case "signature":
      return `<p style="margin:24px 0 16px">${block.lines.map(escapeHtml).join("<br>")}</p>`;
  }
}

/** The text and HTML parts of an e-mail; every value is escaped in the HTML part. */
export function composeEmail({ subject, heading, blocks }: MessageContent): EmailContent {
  const text = [heading, ...blocks.map(blockToText), AUTOMATIC_MESSAGE_NOTICE].join("\n\n") + "\n";
  const html = [
    "<!doctype html>",
    '<html lang="fr">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    `<body style="margin:0;padding:0;background:#ffffff;color:${TEXT_COLOR};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
    '<div style="max-width:600px;margin:0 auto;padding:24px 16px">',
    `<p style="margin:0 0 24px;font-size:18px;font-weight:bold;color:${BRAND_COLOR}">Mon espace santé</p>`,
    `<h1 style="margin:0 0 24px;font-size:24px;line-height:1.3;color:${BRAND_COLOR}">${escapeHtml(heading)}</h1>`,
    ...blocks.map(blockToHtml),
    `<p style="margin:32px 0 0;padding-top:16px;border-top:1px solid #cbd5e1;font-size:14px;color:#475569">${escapeHtml(AUTOMATIC_MESSAGE_NOTICE)}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}

/** Pieces several templates share. */
/** An SMS: its text only; the caller adds the number. */
export type SmsContent = { text: string };

export const CORRESPONDENT_SIGNATURE: MessageBlock = {
  kind: "signature",
  lines: ["Avec toute mon attention,", "Votre correspondant Mon espace santé"],
};

export const NEVER_SHARE_CODE =
  "Ne communiquez jamais ce code, même à une personne qui se présente comme un conseiller de l'Assurance Maladie.";

export function greeting(firstName: string): MessageBlock {
  return { kind: "paragraph", text: `Bonjour ${firstName},` };
}
