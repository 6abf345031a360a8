import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { DemoNotice } from "@/components/layout/demo-notice";
import { SkipLink } from "@/components/layout/skip-link";
import { connection } from "next/server";
import { isOutboxEnabled } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mon espace santé", template: "%s – Mon espace santé" },
  description: "Votre espace numérique de santé : dossier médical, messagerie, agenda et remboursements.",
  // public/manifest.webmanifest: installable on a phone's home screen, with public/icons.
  manifest: "/manifest.webmanifest",
  icons: { apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { title: "Mon espace santé", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#114a8c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on the runtime configuration (and soon on the session): never prerender.
  await connection();
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <SkipLink />
        {isOutboxEnabled() ? <DemoNotice /> : null}
        {children}
      </body>
    </html>
  );
}
