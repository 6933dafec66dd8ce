import type { StepStatus } from "@/lib/progress/outline";

const LABELS: Record<StepStatus, string> = {
  locked: "Locked",
  available: "Not started",
  in_progress: "In progress",
  complete: "Complete",
};

// Inline SVG, so the icon never depends on an emoji font being installed.
const ICONS: Record<StepStatus, React.ReactNode> = {
  locked: <path d="M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm2 0h2V5a1 1 0 0 0-2 0v2z" />,
  available: <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />,
  in_progress: <path d="M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2zm0 2v8a4 4 0 0 0 0-8z" />,
  complete: <path d="M6.5 11.5 3 8l1.4-1.4 2.1 2.1 5.1-5.1L13 5z" />,
};

/** Status in words and an icon, never colour alone. */
export function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <span className={`status status--${status}`}>
      <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="currentColor" className="status__icon">
        {ICONS[status]}
      </svg>{" "}
      {LABELS[status]}
    </span>
  );
}
