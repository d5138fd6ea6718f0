/** Province rules a profile names; the tianjin profile is loaded, not imitated. */
import { getProfile, validateProfile, defaultProfile } from "../../../src/engine/profiles";
import { PROVINCE_RULE_IDS, provinceRules } from "../../../src/engine/rules/province";
import type { Profile } from "../../../src/engine/types";
import { row } from "./cases";

const tianjin = getProfile("tianjin") as Profile;
const mof = defaultProfile();
const SHORT = "天气原因";
const severityOf = (code: string, p: Profile, spec: Parameters<typeof row>[0]) =>
  row(spec, p).find((f) => f.code === code)?.severity;

describe("strict-explanation-on-miss (the tianjin profile)", () => {
  test("tianjin names it; mof-2020 does not", () => {
    expect(provinceRules(tianjin).map((r) => r.id)).toEqual(["strict-explanation-on-miss"]);
    expect(provinceRules(mof)).toEqual([]);
  });

  const reverseMissed = { target: "≤10天", actual: "12天", weight: 10, score: 8.33, explanation: SHORT };
  const equalMissed = { target: "=100", actual: 90, weight: 10, score: 9, explanation: SHORT };
  const positiveMissed = { target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: SHORT };

  test("invalid: a reverse or equal row that missed, explained too briefly, is an error", () => {
    expect(severityOf("EXPLANATION_TOO_SHORT", tianjin, reverseMissed)).toBe("error");
    expect(severityOf("EXPLANATION_TOO_SHORT", tianjin, equalMissed)).toBe("error");
  });

  test("valid: the same rows stay warnings elsewhere; a positive row stays a warning in tianjin", () => {
    expect(severityOf("EXPLANATION_TOO_SHORT", mof, reverseMissed)).toBe("warning");
    expect(severityOf("EXPLANATION_TOO_SHORT", mof, equalMissed)).toBe("warning");
    expect(severityOf("EXPLANATION_TOO_SHORT", tianjin, positiveMissed)).toBe("warning");
  });

  test("a blank explanation of a missed row is an error everywhere (not the rule's doing)", () => {
    const blank = { ...reverseMissed, explanation: null };
    expect(severityOf("EXPLANATION_MISSING", mof, blank)).toBe("error");
    expect(severityOf("EXPLANATION_MISSING", tianjin, blank)).toBe("error");
  });

  test("the older flagReverseEqualMiss: true still names it", () => {
    expect(provinceRules({ ...mof, flagReverseEqualMiss: true }).map((r) => r.id)).toEqual([
      "strict-explanation-on-miss",
    ]);
  });
});

describe("profiles name province rules by id", () => {
  test("a known id passes validation and is applied", () => {
    const v = validateProfile({ id: "x", name: "某市", rules: ["strict-explanation-on-miss"] });
    expect(v.ok).toBe(true);
    if (v.ok) expect(provinceRules(v.profile).map((r) => r.id)).toEqual(PROVINCE_RULE_IDS);
  });

  test("an unknown id, or not a list, is a clear error", () => {
    const bad = validateProfile({ id: "x", name: "某市", rules: ["strict-explanations"] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join("")).toContain("strict-explanation-on-miss");
    expect(validateProfile({ id: "x", name: "某市", rules: "strict-explanation-on-miss" }).ok).toBe(false);
  });
});
