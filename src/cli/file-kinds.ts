/**
 * The kinds of file the command line checks, named in one place: a folder search picks up these names,
 * and checkFile (check-file.ts) hands each file to its kind's checker. A new kind (the 自评报告 .docx) is
 * one entry here and one checker there. Names only: nothing here loads a reader.
 */

export type FileKindId = "workbook" | "report";

export interface FileKind {
  id: FileKindId;
  /** File names a folder search picks up. */
  pattern: RegExp;
}

/**
 * .xlsx, .xlsm, old .xls, and WPS's .et (which gets a clear FILE_UNREADABLE when it cannot be read,
 * rather than vanish from a batch).
 */
export const FILE_KINDS: readonly FileKind[] = [
  { id: "workbook", pattern: /\.(xlsx|xlsm|xls|et)$/i },
  // The 自评报告 (its 自评表 inside, its prose against it); old .doc / WPS .wps get a clear FILE_UNREADABLE.
  { id: "report", pattern: /\.(docx|docm|doc|wps)$/i },
];

/** The kind a name belongs to; a file given by name with another extension is read as a workbook. */
export function kindOf(name: string): FileKindId {
  return FILE_KINDS.find((k) => k.pattern.test(name))?.id ?? "workbook";
}

/** True for the names a folder search picks up; Excel's and WPS's lock files ("~$…") and dot files are not. */
export function isCheckedName(name: string): boolean {
  return !name.startsWith("~$") && !name.startsWith(".") && FILE_KINDS.some((k) => k.pattern.test(name));
}
