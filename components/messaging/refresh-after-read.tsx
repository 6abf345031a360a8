"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Rendered when opening a conversation marked messages read: the layout, kept across navigations,
 * still shows the old unread count until the route is refreshed once.
 */
export function RefreshAfterRead() {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  return null;
}
