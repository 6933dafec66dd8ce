// Lesson Markdown → sanitized, semantic HTML, rendered on the server only.
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const CALLOUTS = { NOTE: "Note", EXAMPLE: "Example", TIP: "Tip", WARNING: "Watch out" } as const;
type CalloutKind = keyof typeof CALLOUTS;

type MdNode = { type: string; value?: string; children?: MdNode[]; data?: Record<string, unknown>; url?: string };

/** `> [!NOTE]` blockquotes become labelled callouts (role="note"). */
function remarkCallouts() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      node.children?.forEach(walk);
      if (node.type !== "blockquote") return;
      const first = node.children?.[0];
      const text = first?.type === "paragraph" ? first.children?.[0] : undefined;
      const match = text?.type === "text" ? /^\[!(NOTE|EXAMPLE|TIP|WARNING)\]\s*/.exec(text.value ?? "") : null;
      if (!match || !text || !first) return;
      const kind = match[1] as CalloutKind;
      text.value = (text.value ?? "").slice(match[0].length);
      if (!text.value && first.children?.[1]?.type === "break") first.children.splice(1, 1);
      node.children!.unshift({
        type: "paragraph",
        data: { hProperties: { className: ["callout__label"] } },
        children: [{ type: "strong", children: [{ type: "text", value: CALLOUTS[kind] }] }],
      });
      node.data = { hName: "div", hProperties: { className: ["callout", `callout--${kind.toLowerCase()}`], role: "note" } };
    };
    walk(tree);
  };
}

/** Links into the glossary get a class so they read as defined terms. */
function remarkTermLinks() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (node.type === "link" && node.url?.startsWith("/glossary#"))
        node.data = { ...node.data, hProperties: { className: ["term-link"] } };
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are our own slugs, used as section anchors by quiz references.
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), ["className", /^callout/], ["role", "note"]],
    p: [...(defaultSchema.attributes?.p ?? []), ["className", "callout__label"]],
    a: [["className", "term-link", "data-footnote-backref"], ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === "className"))],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCallouts)
  .use(remarkTermLinks)
  .use(remarkRehype) // raw HTML in Markdown is dropped, not passed through
  .use(rehypeSlug)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

const cache = new Map<string, string>();

/** Renders Markdown to safe HTML; cached per content hash, since a version never changes. */
export function renderMarkdown(markdown: string, hash?: string): string {
  if (hash && cache.has(hash)) return cache.get(hash)!;
  const html = String(processor.processSync(markdown));
  if (hash) cache.set(hash, html);
  return html;
}

/** The `##` sections of a lesson, as { id, title }, for the table of contents and quiz references. */
export function sectionsOf(markdown: string): { id: string; title: string }[] {
  const html = renderMarkdown(markdown);
  return [...html.matchAll(/<h2 id="([^"]+)">(.*?)<\/h2>/g)].map((m) => ({ id: m[1], title: m[2].replace(/<[^>]+>/g, "") }));
}
