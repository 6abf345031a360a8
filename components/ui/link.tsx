import NextLink from "next/link";
import type { ComponentProps } from "react";
import { NavigationPendingMarker } from "./navigation-pending-marker";

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * Every in-app link. Next.js keeps the current page on screen, and usable, until the next one
 * has arrived: a person who starts typing at once would type into the previous page's form
 * (the code page and "Générer un nouveau code provisoire" both ask for the NIR), then see the
 * entry vanish when the new page replaces it. While the navigation a link started is pending,
 * the page's content is therefore inert and marked busy (see NavigationPendingMarker).
 */
export function Link({ children, ...props }: LinkProps) {
  return (
    <NextLink {...props}>
      {children}
      <NavigationPendingMarker />
    </NextLink>
  );
}
