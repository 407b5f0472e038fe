import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import noLibCycles from "./eslint-rules/no-lib-cycles.mjs";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    // Layering (STYLE.md): only data-access modules, the seed, scripts and tests touch the database client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    // lib/actions/guarded.ts opens the one write transaction every server action runs in; lib/jobs/boss.ts runs the
    // job queue's SQL on the process's one pool (shared with Prisma: the embedded database is one session).
    ignores: ["lib/**/queries.ts", "lib/**/mutations.ts", "lib/db/**", "lib/actions/guarded.ts", "lib/jobs/boss.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/client", "**/lib/db/client"], message: "Only lib/<domain>/queries.ts and mutations.ts may use the database client." },
            { group: ["@prisma/adapter-pg", "pg"], message: "Use lib/db/client through queries.ts / mutations.ts." },
          ],
        },
      ],
    },
  },
  {
    // No cycles between lib/ folders (eslint-rules/no-lib-cycles.mjs lists the ones being removed).
    files: ["lib/**/*.{ts,tsx}"],
    plugins: { local: { rules: { "no-lib-cycles": noLibCycles } } },
    rules: { "local/no-lib-cycles": "error" },
  },
  {
    // Only lib/env.ts reads process.env in the app.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
];

export default config;
