import { z } from "zod";

export const DELETE_CONFIRMATION = "DELETE";

/** Closing an account: the password again, and the word typed out, so it is never an accident. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  confirm: z
    .string({ error: `Type ${DELETE_CONFIRMATION} to confirm.` })
    .trim()
    .refine((value) => value === DELETE_CONFIRMATION, `Type ${DELETE_CONFIRMATION} (in capitals) to confirm.`),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
