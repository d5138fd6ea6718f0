/**
 * Profiles are data: built-in JSON files plus a user's own, validated here with messages that name
 * the bad key (scoring-rules.md §6).
 */
import type { Profile, QualBand } from "../types";
import { round2 } from "../decimal";
import mof2020 from "./mof-2020.json";
import guangxi from "./guangxi.json";
import sichuan from "./sichuan.json";
import tianjin from "./tianjin.json";
import { PROVINCE_RULE_IDS } from "../rules/province";
import linear from "./linear.json";
import fourBand from "./four-band.json";

export const DEFAULT_PROFILE_ID = "mof-2020";

export const builtinProfiles: Profile[] = [mof2020, guangxi, sichuan, tianjin, linear, fourBand].map(
  (p) => p as unknown as Profile,
);

export function getProfile(id: string): Profile | null {
  return builtinProfiles.find((p) => p.id === id) ?? null;
}

export function defaultProfile(): Profile {
  return getProfile(DEFAULT_PROFILE_ID) as Profile;
}

export type ProfileValidation = { ok: true; profile: Profile } | { ok: false; errors: string[] };

const BANDS: QualBand[] = ["达成", "部分达成", "未达成"];
/** The 自评报告 sections a profile may require (src/engine/report/outline.ts). */
const REPORT_SECTIONS: unknown[] = ["overview", "budget", "goals", "problems", "conclusion"];

type Check = (v: unknown) => string | null;
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const positive: Check = (v) => (isNum(v) && v > 0 ? null : "应为大于 0 的数字");
const ratio: Check = (v) => (isNum(v) && v >= 0 ? null : "应为不小于 0 的数字（如 1.2 表示 120%）");
const text: Check = (v) => (typeof v === "string" && v.trim() !== "" ? null : "应为非空文字");
const split: Check = (v) =>
  reservedKey(v) !== undefined
    ? `中的名称“${reservedKey(v)}”是保留名称，不能用作一级指标名`
    : v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => isNum(x) && x >= 0)
      ? null
      : '应为“一级指标名: 分值”的对象，如 {"产出指标": 50}';

/**
 * Names a JSON object may carry that would reach Object.prototype ("__proto__", "constructor",
 * "hasOwnProperty", …): refused by name, so a lookup can never find an inherited member.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
const reservedKey = (v: unknown): string | undefined =>
  v && typeof v === "object" ? Object.keys(v).find((k) => RESERVED.has(k)) : undefined;

const RULES: Record<keyof Profile | "extends", Check> = {
  extends: (v) =>
    typeof v === "string" && getProfile(v)
      ? null
      : `应为内置方案之一：${builtinProfiles.map((p) => p.id).join("、")}`,
  id: text,
  name: text,
  nameEn: (v) => (v === undefined || typeof v === "string" ? null : "应为文字"),
  totalPoints: positive,
  defaultSplit: split,
  acceptedSplits: (v) =>
    Array.isArray(v) && v.every((s) => split(s) === null) ? null : "应为分值拆分对象的数组",
  reverseFormula: (v) => (v === "ratio" || v === "linear" ? null : '应为 "ratio" 或 "linear"'),
  overshootReviewRatio: ratio,
  overshootReasonRatio: (v) => (v === null || (isNum(v) && v > 0) ? null : "应为大于 0 的数字或 null"),
  execReasonBelow: ratio,
  qualBands: (v) => {
    if (!v || typeof v !== "object") return "应为 {达成, 部分达成, 未达成} 三档区间";
    for (const b of BANDS) {
      const r = (v as Record<string, unknown>)[b];
      if (
        !Array.isArray(r) ||
        r.length !== 2 ||
        !isNum(r[0]) ||
        !isNum(r[1]) ||
        r[0] > r[1] ||
        r[0] < 0 ||
        r[1] > 1
      )
        return `“${b}”应为 [下限, 上限]，取值 0～1 且下限不大于上限`;
    }
    return null;
  },
  scoreTolerance: (v) => (isNum(v) && v >= 0 && v < 1 ? null : "应为 0～1 之间的数字（如 0.01）"),
  gradeBands: (v) =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((b) => Array.isArray(b) && b.length === 2 && isNum(b[0]) && typeof b[1] === "string") &&
    v.some((b) => (b as [number, string])[0] === 0)
      ? null
      : '应为 [[分数下限, "等级"], …] 并包含下限 0 的一档，如 [[90, "优"], [0, "差"]]',
  explanationMinLength: (v) => (isNum(v) && v >= 0 && Number.isInteger(v) ? null : "应为不小于 0 的整数"),
  flagReverseEqualMiss: (v) => (v === undefined || typeof v === "boolean" ? null : "应为 true 或 false"),
  reportSections: (v) =>
    v === undefined ||
    (v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      Object.entries(v).every(
        ([k, ids]) =>
          (k === "project" || k === "department") &&
          Array.isArray(ids) &&
          ids.every((id) => REPORT_SECTIONS.includes(id)),
      ))
      ? null
      : `应为 {"project": [...], "department": [...]}，各项取自 ${REPORT_SECTIONS.join("、")}`,
  rules: (v) =>
    Array.isArray(v) && v.every((id) => typeof id === "string" && PROVINCE_RULE_IDS.includes(id))
      ? null
      : `应为省级规则 id 的数组（可用：${PROVINCE_RULE_IDS.join("、")}）`,
};

/**
 * Validates a user's profile. Keys it leaves out come from `extends` (default mof-2020), so a
 * province can write only what differs. Unknown keys are errors: a typo must not pass silently.
 */
export function validateProfile(input: unknown): ProfileValidation {
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, errors: ['配置文件应为一个 JSON 对象，如 {"id": "my-city", "name": "…"}'] };
  }
  const raw = input as Record<string, unknown>;
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (RESERVED.has(key)) {
      errors.push(`配置项名称“${key}”是保留名称，不能使用；请删去它`);
      continue;
    }
    const rule = Object.prototype.hasOwnProperty.call(RULES, key)
      ? RULES[key as keyof typeof RULES]
      : undefined;
    if (!rule) {
      errors.push(`未知的配置项“${key}”（可用：${Object.keys(RULES).join("、")}）`);
      continue;
    }
    const problem = rule(value);
    if (problem) errors.push(`配置项“${key}”${problem}`);
  }
  for (const key of ["id", "name"]) if (!(key in raw)) errors.push(`缺少配置项“${key}”`);
  if (errors.length) return { ok: false, errors };
  const base = getProfile(typeof raw.extends === "string" ? raw.extends : DEFAULT_PROFILE_ID) as Profile;
  const { extends: _ignored, ...own } = raw;
  const profile = { ...base, acceptedSplits: base.acceptedSplits ?? [], ...own } as Profile;
  profile.gradeBands = [...profile.gradeBands].sort((a, b) => b[0] - a[0]);
  return { ok: true, profile };
}

/** The grade of a total: bands are lower-bound inclusive, the total rounded half-up to 2 places first. */
export function gradeOf(total: number, profile: Profile): string {
  const t = round2(total);
  const bands = [...profile.gradeBands].sort((a, b) => b[0] - a[0]);
  for (const [lo, name] of bands) if (t >= lo) return name;
  return bands[bands.length - 1][1];
}
