import type { ComboboxOption } from "@/components/ui/combobox";
import type { PersonOption } from "@/lib/users/queries";

/**
 * The choices of a "linked person" picker: everyone by name with their email. A person already linked to
 * another login is shown disabled with that login, since a person signs in through one login at most.
 */
export function personLinkOptions(
  people: readonly PersonOption[],
  emailOfUser: ReadonlyMap<number, string>,
  /** The login being edited: its own person stays selectable. */
  currentUserId?: number,
): ComboboxOption[] {
  return people.map((person) => {
    const takenBy = person.linkedUserId !== null && person.linkedUserId !== currentUserId ? person.linkedUserId : null;
    return {
      value: String(person.id),
      label: person.name,
      hint: takenBy !== null ? `Linked to ${emailOfUser.get(takenBy) ?? "another login"}` : person.email,
      disabled: takenBy !== null,
    };
  });
}
