import type { Metadata } from "next";
import { connection } from "next/server";
import { DependenciesTable } from "@/components/dependencies/dependencies-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listDependencies } from "@/lib/dependencies/queries";

export const metadata: Metadata = { title: "Dependencies" };

export default async function DependenciesPage() {
  await connection();
  await requirePrincipal();
  const dependencies = await listDependencies();

  return (
    <>
      <PageHeader
        title="Cross-team dependencies"
        description="What one team needs from another, who owns each side, and by when. Overdue ones come first."
      />
      {dependencies.length === 0 ? (
        <EmptyState title="No dependencies logged" description="When a team needs something from another team by a date, it is logged here with an owner on both sides." />
      ) : (
        <DependenciesTable dependencies={dependencies} />
      )}
    </>
  );
}
