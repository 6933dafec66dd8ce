"use server";
import { redirect } from "next/navigation";
import { postAction } from "@/lib/boundary/action";
import { joinWithCode } from "@/lib/sections/enrollment";
import { joinCodeSchema } from "@/lib/sections/schemas";

const back = (form: FormData) => `/join/${encodeURIComponent(String(form.get("joinCode") ?? "").slice(0, 40))}`;

/** A signed-in student joins (or moves to) the section of a code. Works without JavaScript. */
export const joinSectionAction = postAction(
  {
    access: "student",
    returnTo: back,
    schema: joinCodeSchema,
    fields: (form) => ({ joinCode: form.get("joinCode") }),
    invalid: "/join?error=closed",
    onFailure: () => "/join?error=closed",
  },
  async ({ user, input }) => {
    const { section, startedOver } = await joinWithCode(user, input.joinCode);
    redirect(`/account?joined=${encodeURIComponent(section.name.slice(0, 100))}${startedOver ? "&again=1" : ""}`);
  },
);
