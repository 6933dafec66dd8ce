import type { SectionOption } from "@/lib/sections/scope";

const STATE_LABEL = { current: "", upcoming: " (upcoming)", ended: " (ended)" } as const;

type Props = {
  action: string;
  sections: SectionOption[];
  chosen: string;
  /** A coordinator sees every section; an instructor their own. */
  allLabel: string;
  /** Other parameters of the page to keep (a search, a selected objective). */
  keep?: Record<string, string | undefined>;
};

/** A plain GET form: works without JavaScript, and the choice is in the URL to share or bookmark. */
export function SectionPicker({ action, sections, chosen, allLabel, keep = {} }: Props) {
  return (
    <form method="get" action={action} className="section-picker" aria-label="Choose a section">
      <div className="field">
        <label htmlFor="section-picker">Section</label>
        <select id="section-picker" name="section" defaultValue={chosen}>
          <option value="all">{allLabel}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.term}
              {STATE_LABEL[s.state]}
            </option>
          ))}
        </select>
      </div>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className="button button--small">
        Show
      </button>
    </form>
  );
}

export function allLabelFor(role: string) {
  return role === "coordinator" ? "All sections" : "All my sections";
}
