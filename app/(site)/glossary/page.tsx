import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadGlossary } from "@/lib/content/glossary";
import { getLessonTitles } from "@/lib/progress";

export const metadata: Metadata = { title: "Glossary" };

export default async function GlossaryPage() {
  await requireUser("/glossary");
  const terms = loadGlossary();
  const titles = await getLessonTitles();
  return (
    <div className="glossary">
      <p className="breadcrumb">
        <Link href="/course">Course outline</Link>
      </p>
      <h1>Glossary</h1>
      <p className="lead">Plain-language definitions of the legal terms used in the lessons. These are study aids, not legal advice.</p>
      <dl className="glossary__list">
        {terms.map((t) => (
          <div key={t.slug} id={t.slug} className="glossary__entry" tabIndex={-1}>
            <dt>{t.term}</dt>
            <dd>
              <p>{t.definition}</p>
              {t.lessons.length > 0 && (
                <p className="glossary__used">
                  Used in:{" "}
                  {t.lessons.map((slug, i) => (
                    <span key={slug}>
                      {i > 0 && ", "}
                      <Link href={`/lessons/${slug}`}>{titles.get(slug) ?? slug}</Link>
                    </span>
                  ))}
                </p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
