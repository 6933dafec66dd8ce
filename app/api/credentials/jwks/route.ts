import { NextResponse } from "next/server";
import { publicJwks } from "@/lib/credentials/keys";

/** Public keys that verify Casebook credentials (also served at /.well-known/jwks.json). */
export async function GET() {
  return NextResponse.json(await publicJwks(), { headers: { "cache-control": "public, max-age=3600" } });
}
