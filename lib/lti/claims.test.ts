import { describe, expect, it } from "vitest";
import { CLAIM, displayName, launchClaimsSchema, roleFromLti, SCOPE, SERVICE_CLAIM } from "./claims";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

describe("roleFromLti", () => {
  it("maps the LMS's roles, the most senior winning", () => {
    expect(roleFromLti([`${M}Learner`])).toBe("student");
    expect(roleFromLti([`${M}Instructor`])).toBe("instructor");
    expect(roleFromLti(["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"])).toBe("instructor");
    expect(roleFromLti([`${M}Learner`, `${M}Instructor`])).toBe("instructor");
    expect(roleFromLti(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", `${M}Learner`])).toBe("coordinator");
  });
  it("knows no role from short names or unknown vocabularies", () => {
    expect(roleFromLti([])).toBeNull();
    expect(roleFromLti(["Learner", `${M}Mentor`, "urn:lti:role:ims/lis/Learner"])).toBeNull();
  });
});

/** A minimal resource link launch. */
const base = {
  sub: "u-1",
  [CLAIM.messageType]: "LtiResourceLinkRequest",
  [CLAIM.version]: "1.3.0",
  [CLAIM.deploymentId]: "d-1",
  [CLAIM.targetLinkUri]: "https://casebook.example/course",
  [CLAIM.resourceLink]: { id: "rl-1" },
  [CLAIM.roles]: [`${M}Learner`],
};

describe("launchClaimsSchema", () => {
  const claims = base;
  it("reads a minimal resource link launch", () => {
    expect(launchClaimsSchema.safeParse(claims).success).toBe(true);
  });
  it("refuses another version, another message type, or a missing claim", () => {
    expect(launchClaimsSchema.safeParse({ ...claims, [CLAIM.version]: "1.1" }).success).toBe(false);
    expect(launchClaimsSchema.safeParse({ ...claims, [CLAIM.messageType]: "LtiSubmissionReviewRequest" }).success).toBe(false);
    for (const key of [CLAIM.deploymentId, CLAIM.resourceLink, CLAIM.roles, "sub"]) {
      const rest: Record<string, unknown> = { ...claims };
      delete rest[key];
      expect(launchClaimsSchema.safeParse(rest).success, key).toBe(false);
    }
  });
  it("drops an email that is not one rather than refusing the launch", () => {
    expect(launchClaimsSchema.parse({ ...claims, email: "not an address" }).email).toBeUndefined();
  });
});

describe("displayName", () => {
  it("prefers name, then given and family name", () => {
    expect(displayName({ name: "Ana Ruiz" })).toBe("Ana Ruiz");
    expect(displayName({ given_name: "Ana", family_name: "Ruiz" })).toBe("Ana Ruiz");
    expect(displayName({})).toBe("LMS user");
  });
});

describe("the service claims", () => {
  it("reads the grade and membership services", () => {
    const parsed = launchClaimsSchema.parse({
      ...base,
      [SERVICE_CLAIM.grades]: { scope: [SCOPE.score, SCOPE.lineItem], lineitems: "https://lms.example/c/1/lineitems", lineitem: "https://lms.example/c/1/lineitems/7" },
      [SERVICE_CLAIM.members]: { context_memberships_url: "https://lms.example/c/1/memberships", service_versions: ["2.0"] },
    });
    expect(parsed[SERVICE_CLAIM.grades]).toEqual({ scope: [SCOPE.score, SCOPE.lineItem], lineitems: "https://lms.example/c/1/lineitems", lineitem: "https://lms.example/c/1/lineitems/7" });
    expect(parsed[SERVICE_CLAIM.members]?.context_memberships_url).toBe("https://lms.example/c/1/memberships");
  });
  it("does without a service described oddly (a script URL, plain http elsewhere), and still launches", () => {
    const parsed = launchClaimsSchema.parse({
      ...base,
      [SERVICE_CLAIM.grades]: { scope: "score", lineitems: "javascript:alert(1)" },
      [SERVICE_CLAIM.members]: { context_memberships_url: "http://lms.example/members" },
    });
    expect(parsed[SERVICE_CLAIM.grades]).toBeUndefined();
    expect(parsed[SERVICE_CLAIM.members]).toBeUndefined();
  });
});
