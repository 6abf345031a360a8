import { parseArgs } from "node:util";
import { describeError } from "./errors";
import { DEFAULT_SCALE_SEED, growScaleData } from "./scale";

/**
 * npm run bench:generate -- --persons 100000 [--lines 10000000] [--seed 2026] [--database-url postgres://…]
 *
 * Grows a migrated PostgreSQL database to that many insured persons with the scale data set
 * (tests/bench/scale): fictitious people, most with an active space, and `--lines` statement lines
 * of the insurer's feed over them (a hundred per person unless said). For benchmark databases
 * only: it never deletes anything, and refuses to run without an explicit database.
 */
const { values } = parseArgs({
  options: {
    persons: { type: "string", default: "100000" },
    lines: { type: "string" },
    seed: { type: "string", default: String(DEFAULT_SCALE_SEED) },
    "database-url": { type: "string" },
    "batch-size": { type: "string", default: "5000" },
  },
});

const url = values["database-url"] ?? process.env.DATABASE_URL;
if (!url) {
  console.error("bench:generate needs a PostgreSQL database: --database-url postgres://… or DATABASE_URL.");
  process.exit(1);
}
const persons = Number(values.persons);
if (!Number.isInteger(persons) || persons < 1) {
  console.error(`--persons must be a positive integer, not ${values.persons}`);
  process.exit(1);
}

const lines = values.lines === undefined ? undefined : Number(values.lines);
if (lines !== undefined && (!Number.isInteger(lines) || lines < 0)) {
  console.error(`--lines must be a non-negative integer, not ${values.lines}`);
  process.exit(1);
}

try {
  console.log(`Growing ${new URL(url).pathname.slice(1)} to ${persons.toLocaleString("en")} insured persons…`);
  let lastShown = 0;
  const report = await growScaleData(url, {
    persons,
    statementLines: lines,
    seed: Number(values.seed),
    batchSize: Number(values["batch-size"]),
    onProgress: (total) => {
      if (total - lastShown >= 10_000 || total >= persons) {
        lastShown = total;
        console.log(`  ${total.toLocaleString("en")} persons`);
      }
    },
  });
  const rows = Object.entries(report.rows)
    .map(([table, count]) => `${table} ${count.toLocaleString("en")}`)
    .join(", ");
  console.log(
    `${report.personsBefore.toLocaleString("en")} → ${report.personsAfter.toLocaleString("en")} persons in ${report.seconds.toFixed(1)} s` +
      (rows ? `; rows added: ${rows}.` : "; nothing to add."),
  );
} catch (error) {
  console.error(`bench:generate failed: ${describeError(error)}`);
  process.exitCode = 1;
}
