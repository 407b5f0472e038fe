import { getDb } from "@/lib/db/client";
import type { MemberRole, OrgRole } from "@/lib/generated/prisma/enums";
import { makeItem, makeMembership, makePerson, makeTeam, unique } from "./factories";

/** A user (with a person, optionally a member of a team with a role). */
export async function makeUser(orgRole: OrgRole, membership?: { teamId: number; role: MemberRole }) {
  const person = await makePerson();
  if (membership) await makeMembership({ ...membership, personId: person.id });
  const user = await getDb().user.create({
    data: { email: `${unique("user")}@test.example`, passwordHash: "not-used", orgRole, personId: person.id },
  });
  return { user, person };
}

/**
 * Two pods, A and B, each with a product owner and an agile lead; a member of A who owns a story; a leader,
 * an admin and a viewer; a feature and two stories in A's backlog.
 */
export async function makeTwoTeamOrg() {
  const teamA = await makeTeam();
  const teamB = await makeTeam();
  const poA = await makeUser("MEMBER", { teamId: teamA.id, role: "PRODUCT_OWNER" });
  const leadA = await makeUser("MEMBER", { teamId: teamA.id, role: "AGILE_LEAD" });
  const memberA = await makeUser("MEMBER", { teamId: teamA.id, role: "DESIGNER" });
  const poB = await makeUser("MEMBER", { teamId: teamB.id, role: "PRODUCT_OWNER" });
  const leadB = await makeUser("MEMBER", { teamId: teamB.id, role: "AGILE_LEAD" });
  const leader = await makeUser("LEADER");
  const admin = await makeUser("ADMIN");
  // A viewer who is even a member of A: the org role still forbids every write.
  const viewer = await makeUser("VIEWER", { teamId: teamA.id, role: "CONTENT_STRATEGIST" });
  const epic = await makeItem({ level: "EPIC", rank: "i" });
  const feature = await makeItem({ level: "FEATURE", teamId: teamA.id, parentId: epic.id, rank: "c" });
  const story = await makeItem({ level: "STORY", teamId: teamA.id, parentId: feature.id, rank: "h", ownerPersonId: memberA.person.id, estimate: 3 });
  const story2 = await makeItem({ level: "STORY", teamId: teamA.id, parentId: feature.id, rank: "p" });
  return { teamA, teamB, poA, leadA, memberA, poB, leadB, leader, admin, viewer, epic, feature, story, story2 };
}
