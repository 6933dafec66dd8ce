import Link from "next/link";

const LINKS = [
  { key: "roster", href: "/instructor", label: "Roster" },
  { key: "items", href: "/instructor/quizzes", label: "Item analysis" },
  { key: "objectives", href: "/instructor/objectives", label: "Objectives" },
  { key: "certificates", href: "/instructor/certificates", label: "Certificates" },
  { key: "sign-offs", href: "/instructor/sign-offs", label: "Sign-offs" },
  { key: "preview", href: "/course", label: "Preview the course" },
];

export function InstructorNav({ current }: { current: string }) {
  return (
    <nav aria-label="Instructor tools" className="subnav">
      <ul>
        {LINKS.map((l) => (
          <li key={l.key}>
            <Link href={l.href} aria-current={l.key === current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
