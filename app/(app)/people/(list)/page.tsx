import type { Metadata } from "next";
import { connection } from "next/server";
import { PeopleTable } from "@/components/people/people-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listPeople } from "@/lib/people/queries";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  await connection();
  await requirePrincipal();
  const people = await listPeople();
  return (
    <>
      <PageHeader title="People" description="Everyone in the organisation with the teams they are in and how much of their time is allocated." />
      <PeopleTable people={people} />
    </>
  );
}
