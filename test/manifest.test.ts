/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (the XSD check lives outside the project; `npm run validate` asks
 * Microsoft's service at release time). These are the mistakes that make Office refuse an add-in or
 * show it in the wrong language: element order, undefined or over-long resids, http URLs, a missing
 * zh-CN string, a stricter <Requirements> than the code needs.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const root = doc.documentElement;
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const children = (el: Element) => Array.from(el.children);
const all = () => Array.from(doc.getElementsByTagName("*"));
const byLocal = (name: string) => all().filter((e) => e.localName === name);
const CJK = /[\u4e00-\u9fff]/;

/** Order of OfficeApp's children for a TaskPaneApp (OfficeAppManifestV1_1.xsd). */
const ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
];

test("is well-formed XML with a TaskPaneApp root", () => {
  expect(doc.getElementsByTagName("parsererror").length).toBe(0);
  expect(root.localName).toBe("OfficeApp");
  expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
});

test("top-level elements come in schema order and the required ones are there", () => {
  const names = children(root).map((e) => e.localName);
  const positions = names.map((n) => ORDER.indexOf(n));
  expect(positions).not.toContain(-1);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "Hosts",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ]) {
    expect(names).toContain(required);
  }
  expect(root.querySelector("Id")!.textContent).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  expect(root.querySelector("Version")!.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test("an Excel workbook add-in asking for ReadWriteDocument", () => {
  expect(
    byLocal("Host")
      .filter((h) => h.parentElement === root.querySelector(":scope > Hosts"))
      .map((h) => h.getAttribute("Name")),
  ).toEqual(["Workbook"]);
  expect(root.querySelector(":scope > Permissions")!.textContent!.trim()).toBe("ReadWriteDocument");
});

test("<Requirements> asks for no more than the code needs: ExcelApi 1.1, no methods", () => {
  const req = root.querySelector(":scope > Requirements");
  if (!req) return; // none at all is fine too
  const sets = Array.from(req.getElementsByTagName("Set"));
  expect(
    sets.map((s) => [
      s.getAttribute("Name"),
      s.getAttribute("MinVersion") ?? req.querySelector("Sets")!.getAttribute("DefaultMinVersion"),
    ]),
  ).toEqual([["ExcelApi", "1.1"]]);
  expect(req.getElementsByTagName("Methods").length).toBe(0);
});

describe("resources", () => {
  const resources = byLocal("Resources")[0];
  const defined = new Map<string, Element>();
  for (const el of Array.from(resources.getElementsByTagName("*"))) {
    const id = el.getAttribute("id");
    if (id && el.namespaceURI === BT && ["Image", "Url", "String"].includes(el.localName))
      defined.set(id, el);
  }
  const used = all().filter((e) => e.hasAttribute("resid"));

  test("every resid is defined, of the right kind, and at most 32 characters", () => {
    expect(used.length).toBeGreaterThan(5);
    for (const el of used) {
      const id = el.getAttribute("resid")!;
      expect(id.length).toBeLessThanOrEqual(32);
      const def = defined.get(id);
      expect(def).toBeDefined();
      const group = def!.parentElement!.localName;
      const want =
        el.localName === "Image"
          ? "Images"
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.localName)
            ? "Urls"
            : el.localName === "Title" || el.localName === "Label"
              ? "ShortStrings"
              : "LongStrings";
      expect(`${id} in ${group}`).toBe(`${id} in ${want}`);
    }
  });

  test("every defined resource is used, and ids are unique", () => {
    const usedIds = new Set(used.map((e) => e.getAttribute("resid")));
    for (const id of defined.keys()) expect(usedIds.has(id)).toBe(true);
    const all = Array.from(resources.getElementsByTagName("*"))
      .map((e) => e.getAttribute("id"))
      .filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });

  test("every string has an English default and a zh-CN override, within Office's length limits", () => {
    const strings = Array.from(resources.getElementsByTagNameNS(BT, "String"));
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) {
      const def = s.getAttribute("DefaultValue")!;
      expect(def).not.toMatch(CJK);
      const limit = s.parentElement!.localName === "ShortStrings" ? 125 : 250;
      const zh = Array.from(s.getElementsByTagNameNS(BT, "Override")).find(
        (o) => o.getAttribute("Locale") === "zh-CN",
      );
      expect(zh).toBeDefined();
      expect(zh!.getAttribute("Value")).toMatch(CJK);
      expect(def.length).toBeLessThanOrEqual(limit);
      expect(zh!.getAttribute("Value")!.length).toBeLessThanOrEqual(limit);
    }
  });
});

test("DisplayName and Description: English default, zh-CN override (full locale tag)", () => {
  expect(root.querySelector(":scope > DefaultLocale")!.textContent).toBe("en-US");
  for (const name of ["DisplayName", "Description"]) {
    const el = root.querySelector(`:scope > ${name}`)!;
    expect(el.getAttribute("DefaultValue")).not.toMatch(CJK);
    const overrides = Array.from(el.getElementsByTagName("Override"));
    expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["zh-CN"]);
    expect(overrides[0].getAttribute("Value")).toMatch(CJK);
  }
  expect(
    root.querySelector(":scope > DisplayName")!.getAttribute("DefaultValue")!.length,
  ).toBeLessThanOrEqual(125);
});

test("every URL is https", () => {
  const urls: string[] = [];
  for (const el of all()) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    if (el.localName === "AppDomain") urls.push(el.textContent!.trim());
  }
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("the Home tab gets the 自评表校验 group whose button opens the task pane", () => {
  const tab = byLocal("OfficeTab")[0];
  expect(tab.getAttribute("id")).toBe("TabHome");
  const group = tab.getElementsByTagName("Group")[0];
  const label = group.getElementsByTagName("Label")[0].getAttribute("resid")!;
  const zh = (id: string) =>
    Array.from(doc.getElementsByTagNameNS(BT, "String"))
      .find((s) => s.getAttribute("id") === id)!
      .getElementsByTagNameNS(BT, "Override")[0]
      .getAttribute("Value");
  expect(zh(label)).toBe("自评表校验");
  const action = group.getElementsByTagName("Action")[0];
  expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  const src = action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")!;
  const url = Array.from(doc.getElementsByTagNameNS(BT, "Url"))
    .find((u) => u.getAttribute("id") === src)!
    .getAttribute("DefaultValue");
  expect(url).toBe(
    root.querySelector(":scope > DefaultSettings > SourceLocation")!.getAttribute("DefaultValue"),
  );
  expect(url).toMatch(/\/taskpane\.html$/);
});

test("icons exist in assets/icons at the sizes the manifest claims", () => {
  const read = (u: string) => {
    const file = path.join(ROOT, new URL(u).pathname);
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };
  for (const img of Array.from(doc.getElementsByTagNameNS(BT, "Image")).filter(
    (i) => i.parentElement!.localName === "Images",
  )) {
    const size = Number(/(\d+)x\1/.exec(img.getAttribute("id")!)![1]);
    expect(read(img.getAttribute("DefaultValue")!)).toEqual([size, size]);
  }
  expect(read(root.querySelector(":scope > IconUrl")!.getAttribute("DefaultValue")!)).toEqual([32, 32]);
  expect(read(root.querySelector(":scope > HighResolutionIconUrl")!.getAttribute("DefaultValue")!)).toEqual([
    64, 64,
  ]);
});
