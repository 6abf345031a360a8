import "server-only";
import { cookies } from "next/headers";
import { getSettings } from "@/lib/env";
import { enrolmentRules } from "./rules";

export const FLOW_COOKIE = "mes_parcours";

/** The enrolment flow's token travels only in an HttpOnly cookie, never in a URL or a form. */
export async function readFlowToken(): Promise<string | undefined> {
  return (await cookies()).get(FLOW_COOKIE)?.value;
}

export async function writeFlowToken(token: string): Promise<void> {
  (await cookies()).set(FLOW_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getSettings().APP_ORIGIN.startsWith("https:"),
    path: "/",
    // The database decides when a flow ends; the cookie only needs to outlive it.
    maxAge: Math.floor((4 * enrolmentRules.flowLifetimeMs) / 1000),
  });
}
