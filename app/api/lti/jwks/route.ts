import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { toolJwks } from "@/lib/lti/tool-key";

/** Casebook's LTI public key set: the "keyset URL" an LMS asks for when the tool is added. */
export const GET = route({ access: "public" }, async () => NextResponse.json(await toolJwks(), { headers: { "cache-control": "public, max-age=3600" } }));
