import Link from "next/link";

const LINKS = [
  { key: "roster", href: "/instructor", label: "Roster", scoped: true },
  { key: "items", href: "/instructor/quizzes", label: "Item analysis", scoped: true },
  { key: "objectives", href: "/instructor/objectives", label: "Objectives", scoped: true },
  { key: "assignments", href: "/instructor/assignments", label: "Written work", scoped: true },
  { key: "certificates", href: "/instructor/certificates", label: "Certificates", scoped: true },
  { key: "sign-offs", href: "/instructor/sign-offs", label: "Sign-offs", scoped: true },
  { key: "sections", href: "/instructor/sections", label: "Sections", scoped: false },
  { key: "settings", href: "/instructor/settings", label: "Course settings", scoped: false },
  { key: "preview", href: "/course", label: "Preview the course", scoped: false },
];

/** Staff navigation; the chosen section (if one) travels with the links that read by section. */
export function InstructorNav({ current, section = "all" }: { current: string; section?: string }) {
  const suffix = section !== "all" ? `?section=${encodeURIComponent(section)}` : "";
  return (
    <nav aria-label="Teaching tools" className="subnav">
      <ul>
        {LINKS.map((l) => (
          <li key={l.key}>
            <Link href={l.scoped ? `${l.href}${suffix}` : l.href} aria-current={l.key === current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
