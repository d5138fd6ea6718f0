/** `--profile`: a built-in id, or a path to a JSON profile file that the engine validates. */
import * as fs from "fs";
import * as path from "path";
import { builtinProfiles, DEFAULT_PROFILE_ID, getProfile, validateProfile } from "../engine";
import type { Profile } from "../engine";
import { errorMessage } from "../engine/error-message";

/** A profile is a few KB of JSON; 1 MB leaves room for comments and long names. */
const MAX_PROFILE_BYTES = 1024 * 1024;

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; message: string };

export function resolveProfile(arg: string | null, cwd: string): ProfileResult {
  const id = arg ?? DEFAULT_PROFILE_ID;
  const builtin = getProfile(id);
  if (builtin) return { ok: true, profile: builtin };

  const file = path.resolve(cwd, id);
  const looksLikePath = /\.json$/i.test(id) || id.includes("/") || id.includes("\\");
  if (!fs.existsSync(file)) {
    const ids = builtinProfiles.map((p) => p.id).join("、");
    return {
      ok: false,
      message: looksLikePath
        ? `找不到评分规则文件：${id}`
        : `没有名为“${id}”的内置评分规则。可用：${ids}；也可给出规则 JSON 文件的路径`,
    };
  }
  let text: string;
  try {
    // Only a regular file of modest size: `--profile /dev/zero` must not read for ever.
    const st = fs.statSync(file);
    if (!st.isFile())
      return {
        ok: false,
        message: `评分规则文件 ${id} 不是普通文件（可能是文件夹、设备或管道），请给出 JSON 文件的路径`,
      };
    if (st.size > MAX_PROFILE_BYTES)
      return {
        ok: false,
        message: `评分规则文件 ${id} 有 ${st.size} 字节，超过上限 ${MAX_PROFILE_BYTES} 字节；评分规则通常只有几 KB`,
      };
    text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    return {
      ok: false,
      message: `无法读取评分规则文件 ${id}：${errorMessage(e)}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = errorMessage(e);
    return { ok: false, message: `评分规则文件 ${id} 不是有效的 JSON（${why}）。请检查引号、逗号和括号` };
  }
  const v = validateProfile(json);
  if (!v.ok) return { ok: false, message: `评分规则文件 ${id} 有误：\n  - ${v.errors.join("\n  - ")}` };
  return { ok: true, profile: v.profile };
}
