"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { describeUnread } from "@/components/messaging/describe-unread";

/** A section of the space; only sections that work are listed, never an empty placeholder page. */
type SpaceSection = { href: string; label: string };

const SPACE_SECTIONS: SpaceSection[] = [
  { href: "/accueil", label: "Accueil" },
  { href: "/profil-medical", label: "Profil médical" },
  { href: "/documents", label: "Documents" },
  { href: "/messagerie", label: "Messagerie" },
  { href: "/remboursements", label: "Remboursements" },
  { href: "/catalogue", label: "Catalogue" },
  { href: "/agenda", label: "Agenda" },
];

const MESSAGING_HREF = "/messagerie";
const UNREAD_DESCRIPTION_ID = "messagerie-non-lus";

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation. Links keep their exact names ("Messagerie"): the unread count is the link's
 * description, shown as a dot with a number and read by screen readers after the name.
 */
export function SpaceNav({ unreadCount }: { unreadCount: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Navigation principale" className="border-t border-slate-200 bg-brand-50">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 gap-y-1 px-2 py-1 sm:px-4">
        {SPACE_SECTIONS.map((section) => {
          const isActive = isCurrent(pathname, section.href);
          const hasUnread = section.href === MESSAGING_HREF && unreadCount > 0;
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={isActive ? "page" : undefined}
                aria-describedby={hasUnread ? UNREAD_DESCRIPTION_ID : undefined}
                className={[
                  "relative inline-flex min-h-11 items-center gap-2 rounded px-3 py-2 font-semibold",
                  isActive
                    ? "bg-white text-brand-900 underline decoration-2 underline-offset-4"
                    : "text-brand-700 hover:bg-white hover:underline",
                ].join(" ")}
              >
                {section.label}
                {hasUnread ? (
                  <span
                    aria-hidden="true"
                    className="inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-danger-700 px-1.5 text-sm font-bold text-white"
                  >
                    {unreadCount}
                  </span>
                ) : null}
              </Link>
              {hasUnread ? (
                <span id={UNREAD_DESCRIPTION_ID} className="sr-only">
                  {describeUnread(unreadCount)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
