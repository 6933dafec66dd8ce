import { z } from "zod";

export const DELETE_CONFIRMATION = "DELETE";

/**
 * Closing an account: the password again, and the word typed out, so it is never an
 * accident. An account made by an LMS launch has no password (the server knows which):
 * for it the password stays empty.
 */
export const deleteAccountSchema = z.object({
  password: z.string().max(200).nullish().transform((value) => value ?? ""),
  confirm: z
    .string({ error: `Type ${DELETE_CONFIRMATION} to confirm.` })
    .trim()
    .refine((value) => value === DELETE_CONFIRMATION, `Type ${DELETE_CONFIRMATION} (in capitals) to confirm.`),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
