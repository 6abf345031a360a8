"use client";

import { useLinkStatus } from "next/link";
import { useLayoutEffect } from "react";

/** The id of every frame's <main>, also the skip link's target. */
const CONTENT_ID = "contenu";

/**
 * Rendered inside a Link: while the navigation it started is pending, the page's <main> can be
 * neither focused nor typed into (inert) and says it is busy; assistive technologies and the
 * stylesheet (globals.css) read aria-busy. A layout effect, so that the content is inert in the
 * same frame as the click, before a keystroke can land in it; the cleanup runs in the commit
 * that shows the next page (the link is unmounted then) or when the navigation is abandoned.
 */
export function NavigationPendingMarker() {
  const { pending } = useLinkStatus();
  useLayoutEffect(() => {
    const content = pending ? document.getElementById(CONTENT_ID) : null;
    if (!content) return;
    content.inert = true;
    content.setAttribute("aria-busy", "true");
    return () => {
      content.inert = false;
      content.removeAttribute("aria-busy");
    };
  }, [pending]);
  return null;
}
