import "server-only";
// The one door for route handlers: size- and depth-limited JSON, who is asking, zod
// parsing of params and body, the domain call, and one mapping of failures to HTTP.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { allows, type Access } from "@/lib/auth/roles";
import { parseJsonText, readTextWithin } from "@/lib/http/json";
import { DomainError, fail, type Failure } from "./errors";
import type { ApiError } from "./contracts";
import { markDoor } from "./mark";
import { runWithRequestCache } from "@/lib/http/request-cache";
import { isCrossOriginWrite } from "./cross-site";

/** Largest JSON body any handler reads unless it says otherwise. */
export const MAX_JSON_BYTES = 16 * 1024;


type Caller<A extends Access> = A extends "public" ? null : CurrentUser;

type Spec<A extends Access, P, B> = {
  access: A;
  params?: z.ZodType<P>;
  /** A JSON body, parsed with this schema after the size and depth checks. */
  body?: z.ZodType<B>;
  /**
   * Instead of `body`: fields sent as a form (application/x-www-form-urlencoded, what an LMS
   * posts) or, on a GET, as the query string; each field once, parsed with this schema.
   */
  fields?: z.ZodType<B>;
  maxBytes?: number;
  /** Message for a body that does not fit the schema. */
  invalidBody?: string;
  /** Message for params that do not parse (a malformed id is "not found", not a crash). */
  notFound?: string;
};

type Context<A extends Access, P, B> = { request: Request; context: unknown; user: Caller<A>; params: P; body: B };
type Handler<A extends Access, P, B> = (ctx: Context<A, P, B>) => Promise<Response | Failure>;

/** The JSON every failure answers with: one shape, typed for the clients that read it. */
export function failureResponse(failure: Failure): NextResponse<ApiError> {
  const body: ApiError = failure.fieldErrors ? { error: failure.message, fieldErrors: failure.fieldErrors } : { error: failure.message };
  return NextResponse.json(body, { status: failure.status });
}

async function authorize(access: Access): Promise<{ user: CurrentUser | null } | Failure> {
  if (access === "public") return { user: null };
  const user = await getCurrentUser();
  if (!user) return fail(401, "Sign in to continue.");
  if (!allows(access, user.role)) return fail(403, "You do not have access to this.");
  return { user };
}

async function readBody<B>(request: Request, schema: z.ZodType<B>, maxBytes: number, invalid: string): Promise<{ body: B } | Failure> {
  const body = await readTextWithin(request, maxBytes);
  if (!body.ok) return fail(body.status, body.message);
  const read = parseJsonText(body.text, maxBytes);
  if (!read.ok) return fail(read.status, read.message);
  const parsed = schema.safeParse(read.value);
  return parsed.success ? { body: parsed.data } : fail(400, invalid);
}

async function readFields<B>(request: Request, schema: z.ZodType<B>, maxBytes: number, invalid: string): Promise<{ body: B } | Failure> {
  let params: URLSearchParams;
  if (request.method === "GET" || request.method === "HEAD") {
    params = new URL(request.url).searchParams;
  } else {
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return fail(415, "Send the fields as a form (application/x-www-form-urlencoded).");
    const text = await readTextWithin(request, maxBytes);
    if (!text.ok) return fail(text.status, text.message);
    params = new URLSearchParams(text.text);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    // A field sent twice is ambiguous (which one did the sender mean?): refused.
    if (Object.hasOwn(fields, key)) return fail(400, `The field "${key.slice(0, 40)}" is sent more than once.`);
    fields[key] = value;
  }
  const parsed = schema.safeParse(fields);
  return parsed.success ? { body: parsed.data } : fail(400, invalid);
}

/**
 * Wraps a route handler: `export const POST = route({ access: "student", body }, run)`.
 * `run` returns a Response, or a Failure that becomes `{ error }` with its status.
 */
export function route<A extends Access, P = Record<string, never>, B = undefined>(spec: Spec<A, P, B>, run: Handler<A, P, B>) {
  const handler = (request: Request, context?: { params?: Promise<unknown> }): Promise<Response> => runWithRequestCache(() => handle(request, context));
  const handle = async (request: Request, context?: { params?: Promise<unknown> }): Promise<Response> => {
    try {
      // A signed-in caller's write must come from this site's own pages (LTI sessions are SameSite=None).
      if (spec.access !== "public" && isCrossOriginWrite(request)) return failureResponse(fail(403, "Refused: this request came from another site."));
      const who = await authorize(spec.access);
      if ("ok" in who) return failureResponse(who);
      let params = {} as P;
      if (spec.params) {
        const parsed = spec.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) return failureResponse(fail(404, spec.notFound ?? "We could not find that."));
        params = parsed.data;
      }
      let body = undefined as B;
      if (spec.fields) {
        const read = await readFields(request, spec.fields, spec.maxBytes ?? MAX_JSON_BYTES, spec.invalidBody ?? "That request does not have the expected fields.");
        if ("ok" in read) return failureResponse(read);
        body = read.body;
      }
      if (spec.body) {
        const read = await readBody(request, spec.body, spec.maxBytes ?? MAX_JSON_BYTES, spec.invalidBody ?? "That request does not have the expected fields.");
        if ("ok" in read) return failureResponse(read);
        body = read.body;
      }
      const outcome = await run({ request, context, user: who.user as Caller<A>, params, body });
      return outcome instanceof Response ? outcome : failureResponse(outcome);
    } catch (error) {
      if (error instanceof DomainError) return failureResponse(error.failure);
      throw error;
    }
  };
  return markDoor(handler, "route");
}
