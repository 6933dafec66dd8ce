import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { fail } from "@/lib/boundary/errors";
import { signCredential } from "@/lib/credentials/badge";
import { publicBaseUrl } from "@/lib/http/base-url";
import { getReadiness } from "@/lib/readiness";

/** The signed-in student's own credential as a VC-JWT file. */
export const GET = route({ access: "student" }, async ({ user }) => {
  const { certificate } = await getReadiness(user);
  if (!certificate) return fail(404, "No certificate yet: finish the readiness checklist first.");
  const jwt = await signCredential(certificate, await publicBaseUrl());
  return new NextResponse(jwt, {
    headers: {
      "content-type": "application/vc+jwt",
      "content-disposition": 'attachment; filename="casebook-internship-ready.jwt"',
      "cache-control": "no-store",
    },
  });
});
