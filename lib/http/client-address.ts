import "server-only";
import { headers } from "next/headers";

/**
 * The client's address for per-address limits: the right-most X-Forwarded-For entry, the one
 * written by the nearest hop (our reverse proxy, or Next.js itself when the header is absent).
 * Entries further left come from the client and are never trusted.
 */
export async function getClientAddress(): Promise<string> {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last || requestHeaders.get("x-real-ip") || "unknown";
}
