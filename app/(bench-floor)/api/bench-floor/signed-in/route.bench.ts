// Bench floor, built only for `npm run bench` (next.config.js, bench/support/floors.ts): what
// every signed-in route handler pays before its own work, the door and its session read.
import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";

export const GET = route({ access: "signed-in" }, async () => NextResponse.json({ ok: true }));
