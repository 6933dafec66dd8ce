import Link from "next/link";
import type { OutlineStep } from "@/lib/progress/outline";
import { StatusBadge } from "./status-badge";

/** `due`: the quiz's due label by quiz id ("due in 3 days", "overdue"), from the section's dates. */
export function OutlineList({ steps, due }: { steps: OutlineStep[]; due?: Map<string, string> }) {
  const lessonNumbers = new Map(steps.filter((s) => s.kind === "lesson").map((s, i) => [s.id, i + 1]));
  return (
    <ol className="outline">
      {steps.map((step) => {
        const label = step.kind === "lesson" ? `Lesson ${lessonNumbers.get(step.id)}` : "Quiz";
        return (
          <li key={step.id} className={`outline__step outline__step--${step.kind} outline__step--${step.status}`} data-testid={`step-${step.slug}`}>
            <div className="outline__head">
              <span className="outline__kind">{label}</span>
              <StatusBadge status={step.status} />
            </div>
            <h3 className="outline__title">
              {step.status === "locked" ? step.title : <Link href={step.href}>{step.title}</Link>}
            </h3>
            {step.summary && <p className="outline__summary">{step.summary}</p>}
            <p className="outline__meta">
              About {step.estimatedMinutes} min
              {step.status === "locked" && step.lockedReason ? ` · ${step.lockedReason}` : ""}
              {due?.get(step.id) && (
                <>
                  {" · "}
                  <strong className={due.get(step.id) === "overdue" ? "due due--overdue" : "due"} data-testid={`due-${step.slug}`}>
                    {due.get(step.id)}
                  </strong>
                </>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
