/**
 * A host nothing can be written back to: the tables of a Word 自评报告 opened as sheets (the demo's
 * .docx). It reads, selects and follows changes through the host it wraps, and refuses every write
 * before it reaches that host: `apply` answers reason "read-only", `undo` throws it, and there is no
 * `addSheet` (no 导出校验结果) and no document settings (the pane's marks, 忽略 included, last for this
 * session only). `capabilities.readOnly` tells the pane, which hides its write actions and says why.
 */
import type { Edit, UndoRecord } from "../engine/types";
import { HostError } from "./host";
import type {
  Annotated,
  AnnotateInput,
  ApplyResult,
  Host,
  HostCapabilities,
  ReadOnlyReason,
  SheetRead,
} from "./host";

export interface ReadOnlyOptions {
  /** What the document adds to each check (the report's prose against its table). */
  annotate?: (input: AnnotateInput) => Annotated;
}

/** The cells a batch of edits aims at, once each, in order. */
function cellsOf(edits: Edit[]): string[] {
  return [...new Set(edits.map((e) => e.cell))];
}

export class ReadOnlyHost implements Host {
  readonly capabilities: HostCapabilities;
  readonly annotate?: (input: AnnotateInput) => Annotated;

  constructor(
    readonly inner: Host,
    readonly why: ReadOnlyReason,
    options: ReadOnlyOptions = {},
  ) {
    // Nothing is written, so there are no fills to restore and no own writes to tell apart.
    this.capabilities = { ...inner.capabilities, restoreFills: false, readOnly: why };
    if (options.annotate) this.annotate = options.annotate;
  }

  get kind(): Host["kind"] {
    return this.inner.kind;
  }

  read(sheet?: string): Promise<SheetRead> {
    return this.inner.read(sheet);
  }

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    return { ok: false, reason: "read-only", sheet, cells: cellsOf(edits) };
  }

  async undo(record: UndoRecord): Promise<void> {
    throw new HostError("undo", {
      reason: "read-only",
      sheet: record.sheet,
      cells: record.entries.map((e) => e.cell),
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.inner.select(sheet, cell);
  }

  onChange(callback: (sheet: string) => void): () => void {
    return this.inner.onChange(callback);
  }
}
