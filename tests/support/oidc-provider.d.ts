/** The part of oidc-provider (a test-only OpenID provider, no types of its own) the tests use. */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Claims = Record<string, unknown>;

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        jwks: { keys: Record<string, unknown>[] };
        scopes: string[];
        claims: Record<string, string[]>;
        conformIdTokenClaims: boolean;
        features: Record<string, unknown>;
        interactions: { url: (ctx: unknown, interaction: { uid: string }) => string };
        findAccount: (ctx: unknown, accountId: string) => { accountId: string; claims: () => Claims };
      },
    );
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; params: Record<string, unknown> }>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
    Grant: new (properties: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
  }
}
