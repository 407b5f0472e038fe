import { redirect } from "next/navigation";

/** Administration has one screen so far: users. */
export default function AdminPage() {
  redirect("/admin/users");
}
