// Bench floor, built only for `npm run bench` (next.config.js, bench/support/floors.ts): the
// cheapest dynamic page, rendered per request under the root layout alone, reading no session.
import { connection } from "next/server";

export default async function EmptyDynamicPage() {
  await connection();
  return <p>ok</p>;
}
