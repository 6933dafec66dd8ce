import Link from "next/link";
import type { Requirement } from "@/lib/readiness/rules";

export function Checklist({ requirements }: { requirements: Requirement[] }) {
  return (
    <ul className="checklist" data-testid="readiness-checklist">
      {requirements.map((r) => (
        <li key={r.id} className={r.met ? "checklist__item checklist__item--met" : "checklist__item"} data-testid={`requirement-${r.id}`} data-met={r.met}>
          <span className="checklist__mark" aria-hidden="true">
            {r.met ? "✓" : "○"}
          </span>
          <div>
            <p className="checklist__label">
              <span className="visually-hidden">{r.met ? "Met: " : "Not met yet: "}</span>
              {r.label}
            </p>
            <p className="checklist__detail">{r.detail}</p>
            {!r.met && (
              <Link href={r.href} className="checklist__fix">
                Work on this<span className="visually-hidden">: {r.label}</span>
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
