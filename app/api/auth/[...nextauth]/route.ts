import NextAuth from "next-auth";
import { route } from "@/lib/boundary/route";
import { authOptions } from "@/lib/auth/options";

// next-auth reads its own forms and cookies; the door only adds the common failure
// mapping, so this handler is no exception to the rule that every handler goes through it.
const nextAuth = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

export const GET = route({ access: "public" }, ({ request, context }) => nextAuth(request, context));
export const POST = route({ access: "public" }, ({ request, context }) => nextAuth(request, context));
