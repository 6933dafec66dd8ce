import { describe, expect, it } from "vitest";
import { MAX_INVITES, parseInviteList } from "./invite-list";

describe("parseInviteList", () => {
  it("reads name,email lines with a header, quotes, and any order of the two", () => {
    const { invitees, problems } = parseInviteList('Name,Email\nAna Ruiz,ANA@school.edu\n"Lee, Jo",jo@school.edu\nkim@school.edu, Kim Park\r\n');
    expect(invitees).toEqual([
      { name: "Ana Ruiz", email: "ana@school.edu" },
      { name: "Lee, Jo", email: "jo@school.edu" },
      { name: "Kim Park", email: "kim@school.edu" },
    ]);
    expect(problems).toEqual([]);
  });

  it("takes tabs and semicolons, and puts first names first from Last/First columns", () => {
    expect(parseInviteList("Last;First;Email\nRuiz;Ana;ana@x.edu").invitees).toEqual([{ name: "Ana Ruiz", email: "ana@x.edu" }]);
    expect(parseInviteList("Ana Ruiz\tana@x.edu").invitees).toEqual([{ name: "Ana Ruiz", email: "ana@x.edu" }]);
  });

  it("reports each line it does not understand, by number, and each address once", () => {
    const { invitees, problems } = parseInviteList("Ana,ana@x.edu\nno address here\n,bob@x.edu\nAna again,ANA@x.edu");
    expect(invitees).toEqual([{ name: "Ana", email: "ana@x.edu" }]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [2, "no email address"],
      [3, "no name"],
      [4, "this address is already in the list"],
    ]);
  });

  it("stops at the most one list may invite", () => {
    const list = Array.from({ length: MAX_INVITES + 3 }, (_, i) => `P ${i},p${i}@x.edu`).join("\n");
    const { invitees, problems } = parseInviteList(list);
    expect(invitees).toHaveLength(MAX_INVITES);
    expect(problems.at(-1)?.reason).toMatch(/at most 500/);
  });
});
