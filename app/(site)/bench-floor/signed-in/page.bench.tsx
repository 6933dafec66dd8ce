// Bench floor, built only for `npm run bench` (next.config.js, bench/support/floors.ts): what
// every signed-in page pays before its own work, the (site) layout's header and requireUser().
import { requireUser } from "@/lib/auth/session";

export default async function EmptySignedInPage() {
  await requireUser("/bench-floor/signed-in");
  return <p>ok</p>;
}
