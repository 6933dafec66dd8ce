// The skills the source article lists for each role, rated in the self-assessment.
// Each links to the lesson section that teaches it.
export type Skill = { key: string; label: string; role: "legal-assistant" | "paralegal" };

export const SKILLS: Skill[] = [
  { key: "la-organization", label: "Organizational skills", role: "legal-assistant" },
  { key: "la-writing", label: "Writing skills", role: "legal-assistant" },
  { key: "la-technical", label: "Technical skills", role: "legal-assistant" },
  { key: "la-detail", label: "Being detail-oriented", role: "legal-assistant" },
  { key: "la-interpersonal", label: "Interpersonal skills", role: "legal-assistant" },
  { key: "la-adaptability", label: "Adaptability", role: "legal-assistant" },
  { key: "la-terminology", label: "Knowledge of legal terminology for documentation", role: "legal-assistant" },
  { key: "pl-multitasking", label: "Multitasking", role: "paralegal" },
  { key: "pl-attention", label: "Full attention to detail", role: "paralegal" },
  { key: "pl-learning", label: "Willingness to learn", role: "paralegal" },
  { key: "pl-organization", label: "Expertise in organization", role: "paralegal" },
  { key: "pl-intuition", label: "Good intuition", role: "paralegal" },
];

export const ROLE_LABELS = { "legal-assistant": "Legal assistant skills", paralegal: "Paralegal skills" } as const;
export const SKILL_LESSON_HREF = { "legal-assistant": "/lessons/skills#legal-assistant-skills", paralegal: "/lessons/skills#paralegal-skills" } as const;

export const SPECIALIZATIONS = [
  { value: "family", label: "Family law" },
  { value: "criminal", label: "Criminal law" },
  { value: "real-estate", label: "Real estate law" },
  { value: "immigration", label: "Immigration law" },
  { value: "undecided", label: "Undecided" },
] as const;

export const RATING_LABELS = ["", "1 · Just starting", "2 · Developing", "3 · Capable", "4 · Strong", "5 · A real strength"] as const;

/** Strengths (4–5) and skills to grow (1–2), for the reflection shown after saving. */
export function reflect(ratings: Record<string, number>) {
  const rated = SKILLS.map((s) => ({ ...s, rating: ratings[s.key] ?? 0 }));
  return {
    strengths: rated.filter((s) => s.rating >= 4),
    toGrow: rated.filter((s) => s.rating > 0 && s.rating <= 2),
  };
}
