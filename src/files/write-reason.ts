/**
 * Why writing an output file failed, in words a clerk can act on: the findings workbook and the draft
 * report are written next to the user's files, often while Excel, WPS or Word holds them open.
 */
import { errorMessage } from "../engine/error-message";

export function writeFailureReason(e: unknown, openIn: "Excel/WPS" | "Word/WPS"): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "EISDIR") return "同名的文件夹已存在";
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
    return `没有写入权限，或文件正在 ${openIn} 中打开，请关闭后重试`;
  if (code === "ENOENT") return "目标文件夹不存在";
  return errorMessage(e).split("\n")[0];
}
