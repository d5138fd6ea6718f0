/// <reference types="et-jsapi-declare" />
/**
 * The slice of the WPS Spreadsheets (ET) object model ziping uses, typed from `et-jsapi-declare`
 * (Kingsoft's declarations, used as they are). Naming the slice keeps the host honest about what it
 * touches and lets tests hand in a fake that implements only these members.
 */

export type EtRange = Et.Range;
export type EtWorksheet = Et.Worksheet;
export type EtWorkbook = Et.Workbook;
export type EtSheets = Et.Sheets;
export type EtApiEvent = WPS.EtApiEvent;
export type EtTaskPane = WPS.CustomTaskpane;
export type EtPluginStorage = WPS.PluginStorage;

/** `window.Application` inside WPS Spreadsheets, reduced to what ziping reads and calls. */
export type EtApplication = Pick<WPSMergedRoot, "ActiveSheet" | "ActiveWorkbook" | "Worksheets"> &
  Partial<Pick<WPSMergedRoot, "ApiEvent" | "CreateTaskPane" | "GetTaskPane" | "PluginStorage">>;

/** xlNone / xlColorIndexNone: "no fill" (Interior.ColorIndex, Interior.Pattern). */
export const XL_NONE = -4142;

/** The handler signature ET calls for SheetChange. */
export type SheetChangeHandler = (sheet: Et.Worksheet, target: Et.Range | object) => void;
