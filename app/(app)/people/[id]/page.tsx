import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AllocationStrip, PersonMemberships } from "@/components/people/person-memberships";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { enumLabel } from "@/lib/format/enum-label";
import { getPersonProfile } from "@/lib/people/queries";
import { parseIdParam } from "@/lib/routing/id-param";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Person" };
  const personId = parseIdParam((await params).id);
  const person = personId === null ? null : await getPersonProfile(personId);
  return { title: person?.name ?? "Person" };
}

export default async function PersonPage({ params }: { params: Params }) {
  await connection();
  await requirePrincipal();
  const personId = parseIdParam((await params).id);
  const person = personId === null ? null : await getPersonProfile(personId);
  if (!person) notFound();

  const pods = person.memberships.filter((m) => m.teamKind === "DELIVERY_POD" && m.role !== "OVERSIGHT").length;

  return (
    <>
      <Link
        href="/org"
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> Org chart
      </Link>
      <PageHeader
        title={person.name}
        description={person.title || undefined}
        meta={
          <>
            <Badge>{person.email}</Badge>
            {person.orgRole ? <Badge tone="violet">{enumLabel(person.orgRole)} login</Badge> : null}
            <Badge tone={person.memberships.length === 0 ? "sky" : "slate"}>
              {person.memberships.length === 0 ? "Not in a team" : `${person.memberships.length} ${person.memberships.length === 1 ? "team" : "teams"}`}
            </Badge>
            {person.openItems > 0 ? <Badge tone="indigo">Delivers {person.openItems} open backlog {person.openItems === 1 ? "item" : "items"}</Badge> : null}
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {person.warnings.length > 0 ? (
          <section aria-labelledby="person-warnings" className="rounded-xl border border-rose-200 bg-rose-50/60 p-4">
            <h2 id="person-warnings" className="text-sm font-semibold text-rose-900">
              {pods > 1 ? "Double-booked across pods" : "Allocation problem"}
            </h2>
            <ul className="mt-2 list-disc pl-5 text-sm text-rose-900">
              {person.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <Card title="Allocation" description="How the person’s time is split across their teams (at most 100%)">
          <AllocationStrip memberships={person.memberships} allocatedPct={person.allocatedPct} />
        </Card>
        <Card title="Memberships" description="Every team the person is in, with their role there">
          <PersonMemberships memberships={person.memberships} />
        </Card>
      </div>
    </>
  );
}
