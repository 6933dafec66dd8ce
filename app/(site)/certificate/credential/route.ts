import { NextResponse } from "next/server";
import { authorizeRequest } from "@/lib/auth/session";
import { signCredential } from "@/lib/credentials/badge";
import { publicBaseUrl } from "@/lib/http/base-url";
import { getReadiness } from "@/lib/readiness";

/** The signed-in student's own credential as a VC-JWT file. */
export async function GET() {
  const auth = await authorizeRequest("student");
  if (!auth.ok) return NextResponse.json({ error: auth.message }, { status: auth.status });
  const { certificate } = await getReadiness(auth.user);
  if (!certificate) return NextResponse.json({ error: "No certificate yet: finish the readiness checklist first." }, { status: 404 });
  const jwt = await signCredential(certificate, await publicBaseUrl());
  return new NextResponse(jwt, {
    headers: {
      "content-type": "application/vc+jwt",
      "content-disposition": 'attachment; filename="casebook-internship-ready.jwt"',
      "cache-control": "no-store",
    },
  });
}
