import { SiteHeader } from "@/components/site-header";
import { SiteFooter, SkipLink } from "./static-chrome";

/** The signed-in-aware frame around every app page: the header knows who is asking. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
