// Form and route inputs of the quiz pages and API, shared by both doors.
import { z } from "zod";

export const quizSlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);
export const attemptIdSchema = z.string().min(1).max(64);
export const quizFormSchema = z.object({ slug: quizSlugSchema });
export const attemptFormSchema = z.object({ slug: quizSlugSchema, attemptId: attemptIdSchema });
export const attemptParamsSchema = z.object({ attemptId: attemptIdSchema });
export const quizParamsSchema = z.object({ slug: quizSlugSchema });
