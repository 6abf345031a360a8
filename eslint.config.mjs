import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A server action used with useActionState receives the previous state first, needed or not.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One link for the whole app: it keeps a page from being typed into while the next one loads.
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx", "components/ui/navigation-pending-marker.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", importNames: ["default"], message: "Use Link from @/components/ui/link." }] },
      ],
    },
  },
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "tests/bench/results/**", "next-env.d.ts"] },
];

export default config;
