import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { publicJwks } from "@/lib/credentials/keys";

/** Public keys that verify Casebook credentials (also served at /.well-known/jwks.json). */
export const GET = route({ access: "public" }, async () =>
  NextResponse.json(await publicJwks(), { headers: { "cache-control": "public, max-age=3600" } }),
);
