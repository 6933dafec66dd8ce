// OIDC login initiation from the LMS (GET or POST, LTI Core 1.3 §5.1.1).
import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { LaunchError } from "@/lib/lti/launch-error";
import { bindingCookie } from "@/lib/lti/browser-binding";
import { storeStatePage } from "@/lib/lti/client-storage";
import { beginLogin, LOGIN_LIFETIME_MS, loginRequestSchema, type LoginRequest } from "@/lib/lti/login";
import { refusedLaunch } from "@/lib/lti/responses";

const spec = { access: "public", fields: loginRequestSchema, maxBytes: 8 * 1024, invalidBody: "The login request needs iss, login_hint and target_link_uri." } as const;

async function login({ body }: { body: LoginRequest }) {
  try {
    const { authorize, state, storage } = await beginLogin(body);
    // Where the platform offers storage in the browser, the state goes there too, in case the
    // cookie does not come back (lib/lti/client-storage.ts).
    const response = storage ? storeStatePage(storage, state, authorize) : NextResponse.redirect(authorize, 302);
    // The launch must come back to this browser (lib/lti/browser-binding.ts).
    const binding = bindingCookie(state, LOGIN_LIFETIME_MS / 1000);
    response.cookies.set(binding.name, binding.value, binding.options);
    return response;
  } catch (error) {
    if (error instanceof LaunchError) return refusedLaunch(error, "login");
    throw error;
  }
}

export const GET = route(spec, login);
export const POST = route(spec, login);
