/** @jest-environment jsdom */
/** The demo's 下载报告草稿: the active sheet drafted as a real .docx, or a Chinese message. */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DraftButton, DOCX_MIME } from "../../src/demo/DraftButton";
import { readDocx } from "../../src/docx/read";
import { sampleGrid } from "../taskpane/sample-grid";
import { TextDecoder, TextEncoder } from "util";

const blobs: Blob[] = [];
beforeAll(() => {
  // jsdom has no TextEncoder/TextDecoder (every browser does): the docx writer and reader need them.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  Object.assign(URL, {
    createObjectURL: (b: Blob) => (blobs.push(b), "blob:draft"),
    revokeObjectURL: () => {},
  });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
});

function setup(grid = sampleGrid()) {
  const notices: { intent: string; text: string }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <DraftButton
        grid={() => grid}
        fileName="2021年度部门整体支出绩效自评表.xlsx"
        disabled={false}
        onNotice={(n) => notices.push(n)}
      />
    </FluentProvider>,
  );
  return notices;
}

const blobBytes = (b: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });

describe("DraftButton", () => {
  it("downloads the sheet's draft as a .docx carrying its figures", async () => {
    const notices = setup();
    await userEvent.click(screen.getByRole("button", { name: "下载报告草稿" }));
    await waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toEqual({
      intent: "success",
      text: expect.stringContaining("“2021年度部门整体支出绩效自评表-自评报告（草稿）.docx”"),
    });
    const blob = blobs[blobs.length - 1];
    expect(blob.type).toBe(DOCX_MIME);
    const text = (await readDocx(await blobBytes(blob))).doc.paragraphs.map((p) => p.text).join("\n");
    for (const s of ["1839.1", "1439.13", "78.25%", "97.83", "“优”"]) expect(text).toContain(s);
  });

  it("a sheet that is not a 自评表 gets a message", async () => {
    const notices = setup({ name: "说明", values: [["填表说明"]], merges: [] });
    await userEvent.click(screen.getByRole("button", { name: "下载报告草稿" }));
    await waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toEqual({
      intent: "error",
      text: expect.stringMatching(/^未能生成报告草稿：未找到绩效自评表/),
    });
  });
});
