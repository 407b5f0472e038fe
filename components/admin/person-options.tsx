import type { PersonOption } from "@/lib/users/queries";

/**
 * The options of a "linked person" select: nobody, then everyone by name. A person already linked to another
 * login is shown disabled with that login, since a person signs in through one login at most.
 */
export function PersonSelectOptions({
  people,
  emailOfUser,
  currentUserId,
}: {
  people: readonly PersonOption[];
  emailOfUser: ReadonlyMap<number, string>;
  /** The login being edited: its own person stays selectable. */
  currentUserId?: number;
}) {
  return (
    <>
      <option value="">No linked person</option>
      {people.map((person) => {
        const takenBy = person.linkedUserId !== null && person.linkedUserId !== currentUserId ? person.linkedUserId : null;
        return (
          <option key={person.id} value={person.id} disabled={takenBy !== null}>
            {takenBy !== null
              ? `${person.name} — linked to ${emailOfUser.get(takenBy) ?? "another login"}`
              : `${person.name} (${person.email})`}
          </option>
        );
      })}
    </>
  );
}
