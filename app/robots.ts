import type { MetadataRoute } from "next";
import { PRO_PREFIX, SPACE_PREFIXES } from "@/lib/http/space-paths";

/**
 * /robots.txt: the public pages may be indexed; the signed-in space, the professionals' portal,
 * the local outbox and the API may not. (A request for them without a session is answered by a
 * redirect to the login page anyway; this keeps even that out of search results.)
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...SPACE_PREFIXES, PRO_PREFIX, "/dev", "/api", "/bench-baseline"] },
  };
}
