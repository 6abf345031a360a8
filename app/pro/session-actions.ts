"use server";

import { redirect } from "next/navigation";
import { findProfessionalActor } from "@/lib/access/current-actor";
import { signOut } from "@/lib/auth/auth";
import { logOut } from "@/lib/auth/sessions";

/** "Se déconnecter" on /pro: ends this professional session on the server, removes the cookie. */
export async function proLogoutAction(): Promise<void> {
  const actor = await findProfessionalActor();
  if (actor) await logOut(actor.session.id, new Date());
  await signOut({ redirect: false });
  redirect("/pro/connexion?motif=deconnexion");
}
