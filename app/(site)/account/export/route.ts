import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { exportUserData } from "@/lib/privacy";

/** The signed-in user's own data, as a JSON download. Nobody can ask for anyone else's. */
export const GET = route({ access: "signed-in" }, async ({ user }) => {
  const data = await exportUserData(user);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="casebook-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
});
