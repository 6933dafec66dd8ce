import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { gradebookCsv } from "@/lib/roster/gradebook";
import { sectionParamSchema } from "@/lib/sections/schemas";

/** The gradebook of one section, or all the viewer's, as a UTF-8 CSV download, streamed. Staff only. */
export const GET = route({ access: "staff" }, async ({ user, request }) => {
  const section = sectionParamSchema.parse(new URL(request.url).searchParams.get("section") ?? undefined);
  const lines = gradebookCsv(user, section);
  // The header line is read before answering, so a section that is not the viewer's is
  // a 404 (thrown as a DomainError, mapped by the door), not a broken download.
  const header = await lines.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!header.done) controller.enqueue(encoder.encode(header.value));
    },
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="casebook-gradebook-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
