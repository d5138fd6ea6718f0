/**
 * Writes the drafted 自评报告 (src/engine/report/draft.ts) as a .docx with the `docx` package (Node and
 * browser): headings in Word's heading styles, 【请补充：…】 highlighted, and the checked 自评表 as 附件 —
 * a Word table with the sheet's merged cells, as the sheet displays its values.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Grid, MergedArea } from "../engine/grid";
import { parseA1, parseRange, textAt } from "../engine/grid";
import type { ReportDraft, DraftParagraph } from "../engine/report";

const BODY_FONT = { ascii: "Times New Roman", eastAsia: "仿宋", hAnsi: "Times New Roman" };
const HEAD_FONT = { ascii: "Times New Roman", eastAsia: "黑体", hAnsi: "Times New Roman" };

function body(p: DraftParagraph): Paragraph {
  return new Paragraph({
    indent: { firstLine: 560 },
    spacing: { line: 360 },
    children: [
      new TextRun({ text: p.text, font: BODY_FONT, size: 28, highlight: p.toFill ? "yellow" : undefined }),
    ],
  });
}

/** The rows and columns a table spans on its sheet: its range when stacked, else everything with content. */
function extent(grid: Grid, range: string | null): MergedArea {
  const r = range ? parseRange(range) : null;
  if (r) return r;
  let bottom = -1;
  let right = -1;
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && String(v).trim() !== "") {
        bottom = Math.max(bottom, i);
        right = Math.max(right, j);
      }
    }),
  );
  for (const m of grid.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return { top: 0, left: 0, bottom: Math.max(bottom, 0), right: Math.max(right, 0) };
}

/** The sheet's table as a Word table; `skipRow` (the title, written above it as a paragraph) is left out. */
export function gridToWordTable(
  grid: Grid,
  range: string | null = null,
  skipRow: number | null = null,
): Table {
  const a = extent(grid, range);
  const mergeAt = new Map<string, MergedArea>();
  for (const m of grid.merges) {
    const top = Math.max(m.top, a.top);
    if (m.bottom < a.top || m.top > a.bottom) continue;
    for (let r = top; r <= Math.min(m.bottom, a.bottom); r++)
      for (let c = m.left; c <= m.right; c++) mergeAt.set(`${r},${c}`, m);
  }
  const rows: TableRow[] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    if (r === skipRow) continue;
    const cells: TableCell[] = [];
    for (let c = a.left; c <= a.right; c++) {
      const m = mergeAt.get(`${r},${c}`);
      const top = m ? Math.max(m.top, a.top) : r;
      if (m && (c !== m.left || r !== top)) continue; // covered: Word continues the merge itself
      const text = textAt(grid, m ? m.top : r, m ? m.left : c);
      const span = m ? Math.min(m.right, a.right) - c + 1 : 1;
      const down = m ? Math.min(m.bottom, a.bottom) - r + 1 : 1;
      cells.push(
        new TableCell({
          columnSpan: span > 1 ? span : undefined,
          rowSpan: down > 1 ? down : undefined,
          children: text
            .split("\n")
            .map(
              (line) => new Paragraph({ children: [new TextRun({ text: line, font: BODY_FONT, size: 21 })] }),
            ),
        }),
      );
    }
    if (cells.length) rows.push(new TableRow({ children: cells }));
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export interface DraftTable {
  grid: Grid;
  /** SheetReport.table.range when the sheet holds several tables, else null (the whole sheet). */
  range: string | null;
  /** The title cell (A1), written above the table rather than inside it. */
  titleCell: string | null;
}

/** The draft and its 附件 table as a .docx document. */
export function draftDocument(draft: ReportDraft, table: DraftTable | null): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: draft.title, font: HEAD_FONT, size: 36, bold: true })],
    }),
  ];
  if (draft.unit)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: draft.unit, font: BODY_FONT, size: 28 })],
      }),
    );
  for (const s of draft.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.heading, font: HEAD_FONT, size: 30, color: "000000" })],
      }),
    );
    children.push(...s.paragraphs.map(body));
  }
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(
    new Paragraph({ children: [new TextRun({ text: draft.attachment, font: HEAD_FONT, size: 28 })] }),
  );
  if (table) {
    const t = table.titleCell ? parseA1(table.titleCell) : null;
    const title = t ? textAt(table.grid, t.row, t.col) : "";
    if (title)
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: title, font: HEAD_FONT, size: 28, bold: true })],
        }),
      );
    children.push(gridToWordTable(table.grid, table.range, t ? t.row : null));
  }
  return new Document({
    creator: "ziping",
    title: draft.title,
    description: "ziping 根据自评表生成的自评报告草稿",
    sections: [{ children }],
  });
}

/** The draft as .docx bytes. */
export async function writeDraftDocx(draft: ReportDraft, table: DraftTable | null): Promise<Uint8Array> {
  return Packer.pack(draftDocument(draft, table), "uint8array");
}
