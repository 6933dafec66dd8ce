import { NextResponse } from "next/server";
import { authorizeRequest } from "@/lib/auth/session";
import { exportUserData } from "@/lib/privacy";

/** The signed-in user's own data, as a JSON download. Nobody can ask for anyone else's. */
export async function GET() {
  const auth = await authorizeRequest();
  if (!auth.ok) return NextResponse.json({ error: auth.message }, { status: auth.status });
  const data = await exportUserData(auth.user);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="casebook-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
