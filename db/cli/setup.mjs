// Loaded before every command-line entry point (npm run db:seed, jobs:run, …).
// 1. Reads .env files the way Next.js does, so commands and the app share one configuration.
// 2. Outside Next.js, `import "server-only"` would throw: resolve it to an empty module there.
import { register } from "node:module";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
         if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
         return next(specifier, context);
       }`,
    ),
);
