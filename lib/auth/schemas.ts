// Shared by the forms and the server: one schema per payload.
import { isTimeZone } from "@/lib/sections/terms";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use 100 characters or fewer for your name."),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`)
    .max(200, "Use 200 characters or fewer for your password."),
  // Optional: the section's enrollment code; without one the student joins the open class.
  joinCode: z
    .string()
    .trim()
    .max(40, "That is longer than any enrollment code.")
    .optional()
    .transform((v) => v || undefined),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: signUpSchema.shape.password,
    confirm: z.string({ error: "Type the new password again." }).max(200),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ. Type the same new password twice.", path: ["confirm"] });

/** The account's own time zone: "" for the section's. */
export const ownTimeZoneSchema = z.object({
  timeZone: z.union([z.literal(""), z.string().refine(isTimeZone, "Pick a time zone from the list.")], { error: "Pick a time zone from the list." }).transform((v) => v || null),
});
