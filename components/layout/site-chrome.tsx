import { SiteHeader } from "@/components/site-header";
import { Frame } from "./static-chrome";

/** The signed-in-aware frame around every app page: the header knows who is asking. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return <Frame header={<SiteHeader />}>{children}</Frame>;
}
