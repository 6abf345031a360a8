import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSettings } from "@/lib/env";
import { pingDatabase } from "@/lib/health/ping";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = {
  title: "Page de référence des mesures de performance",
  robots: { index: false, follow: false },
};

/**
 * The baseline of the load benchmarks (npm run bench, docs/decisions/0005-benchmarks.md): a page
 * of this app, in the public layout like the enrolment pages, that runs one trivial query and
 * nothing else. Every page's throughput is read against it, so what a page costs beyond the
 * framework, the layout and one database round trip shows. It reads no personal data.
 */
export default async function BenchBaselinePage() {
  // Only the benchmark's own server serves it: nothing of the bench ships in a deployment.
  if (!getSettings().BENCH_BASELINE_ENABLED) notFound();
  await pingDatabase();
  return (
    <>
      <PageTitle>Page de référence des mesures de performance</PageTitle>
      <p className="mt-4">
        Cette page sert de point de comparaison aux mesures de charge de l&apos;application : elle interroge la base de
        données une seule fois, sans lire aucune donnée personnelle.
      </p>
    </>
  );
}
