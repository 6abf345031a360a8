/** Who is asking and when, as every rate-limited step needs it: the client's address (lib/http/client-address) and the instant. */
export type RequestContext = { clientAddress: string; now: Date };
