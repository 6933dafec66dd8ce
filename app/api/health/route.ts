import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { db } from "@/lib/db";

// Public liveness/readiness probe for load balancers: 200 when the database answers.
export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) }, { headers: { "cache-control": "no-store" } });
  } catch {
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
});
