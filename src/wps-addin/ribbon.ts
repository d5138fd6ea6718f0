import { errorMessage } from "../engine/error-message";
/**
 * The ribbon side of the WPS add-in: the callbacks ribbon.xml names (OnAddinLoad, OnAction,
 * GetImage, OnGetEnabled, GetLabel). WPS calls them synchronously and expects plain return values,
 * so none of them is async. The button toggles one task pane: created with CreateTaskPane the first
 * time, its ID kept in PluginStorage (shared by every page of the add-in), shown or hidden after.
 */
/// <reference types="et-jsapi-declare" />

/** The id of the only button in ribbon.xml. */
export const TOGGLE_BUTTON_ID = "zipingTogglePane";
/** PluginStorage key of the task pane's ID; per host type, since pane IDs count from 1 in each WPS program. */
export const PANE_ID_KEY = "ziping.et.taskpaneId";
export const PANE_TITLE = "自评表校验";
/** msoCTPDockPositionRight. */
const DOCK_RIGHT = 2;
const PANE_WIDTH = 380;

/** What the ribbon needs of `window.Application`. */
export type RibbonApp = Pick<WPS.AddonRoot, "CreateTaskPane" | "GetTaskPane" | "PluginStorage">;

export interface RibbonControl {
  Id: string;
  Tag?: string;
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
  GetLabel(control: RibbonControl): string;
  OnGetEnabled(control: RibbonControl): boolean;
}

function existingPane(app: RibbonApp): WPS.CustomTaskpane | null {
  const id = app.PluginStorage.getItem(PANE_ID_KEY);
  if (id === null || id === undefined || id === "") return null;
  try {
    return app.GetTaskPane(Number(id)) ?? null;
  } catch {
    return null; // WPS forgot the pane (restarted): make a new one
  }
}

/** Shows the pane (creating it the first time) or hides it when it is showing. Returns it. */
export function togglePane(app: RibbonApp, url: string): WPS.CustomTaskpane {
  const pane = existingPane(app);
  if (pane) {
    pane.Visible = !pane.Visible;
    return pane;
  }
  const created = app.CreateTaskPane(url, PANE_TITLE);
  app.PluginStorage.setItem(PANE_ID_KEY, created.ID);
  try {
    created.DockPosition = DOCK_RIGHT as WPS.CustomTaskpane["DockPosition"];
    created.Width = PANE_WIDTH;
  } catch {
    // Older WPS versions do not let a pane be resized: keep their default.
  }
  created.Visible = true;
  return created;
}

/** The callbacks for `window`, bound to how to get the Application and the pane's URL. */
export function createRibbonCallbacks(getApp: () => RibbonApp | undefined, paneUrl: string): RibbonCallbacks {
  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      void ribbonUI; // kept by WPS; we have nothing to invalidate
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      if (!control || control.Id !== TOGGLE_BUTTON_ID) return true;
      const app = getApp();
      if (!app) {
        alert("未检测到 WPS 表格的加载项接口，请在 WPS 表格中使用“自评表校验”。");
        return true;
      }
      try {
        togglePane(app, paneUrl);
      } catch (e) {
        alert(`无法打开“自评表校验”任务窗格：${errorMessage(e)}`);
      }
      return true;
    },
    GetImage(control: RibbonControl): string {
      return control && control.Id === TOGGLE_BUTTON_ID ? "images/icon-32.png" : "";
    },
    GetLabel(control: RibbonControl): string {
      return control && control.Id === TOGGLE_BUTTON_ID ? "校验自评表" : "";
    },
    OnGetEnabled(_control: RibbonControl): boolean {
      return true;
    },
  };
}

/**
 * Where the pane page sits relative to the ribbon page (index.html): inside the add-in's own folder, so
 * an offline package — the folder unpacked into jsaddons/<name>_<version>/ and loaded from file:// —
 * carries it. The build copies the pane there (webpack.config.js, WpsPaneCopyPlugin).
 */
export const PANE_PATH = "pane/taskpane-wps.html";

/**
 * The pane's URL, resolved against the ribbon page's own address at run time, as the wpsjs templates do
 * (their GetUrlPath() is document.location up to its last "/"): <folder>/index.html →
 * <folder>/pane/taskpane-wps.html, for http(s):// (online, publish mode) and file:// (an offline package
 * in jsaddons) alike; a query or fragment on the page's address is dropped. A redeploy to another
 * address needs no rebuild. The build's URL is used only when the page's address cannot give one.
 */
export function paneUrlFor(configured: string, pageHref: string): string {
  try {
    const page = new URL(pageHref);
    if (page.protocol === "http:" || page.protocol === "https:" || page.protocol === "file:")
      return new URL(PANE_PATH, page).href;
  } catch {
    // Not a URL: fall back to the build's.
  }
  return configured || PANE_PATH;
}

/**
 * What the ribbon calls CreateTaskPane, GetTaskPane and PluginStorage on: `window.Application`, or
 * the global `wps` object on older WPS releases (wps.CreateTaskPane, wps.PluginStorage).
 */
export function ribbonAppFrom(win: unknown): RibbonApp | undefined {
  const w = win as { Application?: Partial<RibbonApp>; wps?: Partial<RibbonApp> } | undefined;
  for (const candidate of [w?.Application, w?.wps]) {
    try {
      if (candidate && typeof candidate.CreateTaskPane === "function" && candidate.PluginStorage)
        return candidate as RibbonApp;
    } catch {
      // A foreign object that throws on access: try the next.
    }
  }
  return undefined;
}
