import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { gradebookCsv } from "@/lib/roster/gradebook";

/** The gradebook as a UTF-8 CSV download, streamed. Instructors only. */
export const GET = route({ access: "instructor" }, async ({ user }) => {
  const lines = gradebookCsv(user);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
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
