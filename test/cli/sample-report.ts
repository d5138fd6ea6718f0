/** Hand-made reports for the output formatters (the engine is tested on its own). */
import type { Finding, Report, SheetReport } from "../../src/engine/types";

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    code: "OVER_TARGET",
    severity: "warning",
    cell: "F12",
    message: "实际完成值1500为指标值1000的150%，请分析是否年初指标值设定偏低",
    messageEn: "Actual 1500 is 150% of target 1000",
    row: 11,
    ...over,
  };
}

export function sheet(over: Partial<SheetReport> = {}): SheetReport {
  return {
    sheet: "自评表",
    kind: "department",
    title: "2021 年度部门整体支出绩效自评表",
    unit: "株洲市芦淞区自然资源局",
    funds: {
      cell: "B4",
      budget: 1839.1,
      spent: 1439.13,
      weight: 10,
      rate: { declared: 0.7825, computed: 0.7825, cell: "G4" },
      score: { declared: 7.83, computed: 7.83, cell: "H4" },
    },
    categories: [],
    indicators: [
      {
        row: 11,
        cell: "D12",
        level1: "产出指标",
        level2: "数量指标",
        name: "地质灾害防治知识宣传受众人数(人)",
        target: "≥1000",
        actual: "1500",
        kind: "quantitative",
        direction: "positive",
        directionInferred: false,
        weight: 3,
        scoreDeclared: 3,
        scoreComputed: 3,
        scoreCell: "H12",
        needsExplanation: true,
        explanation: "",
        explanationCell: "I12",
      },
    ],
    total: { weight: 100, declared: 97.83, computed: 97.83, cell: "H27" },
    grade: { declared: "优", computed: "优", cell: "I27" },
    findings: [finding()],
    ...over,
  };
}

export function report(): Report {
  return {
    tool: "ziping",
    version: "1.0.0",
    profile: "mof-2020",
    files: [
      { file: "甲单位.xlsx", error: null, sheets: [sheet()] },
      {
        file: "乙单位.xlsx",
        error: null,
        sheets: [
          sheet({
            unit: "乙单位",
            total: { weight: 100, declared: 95, computed: 88.5, cell: "H27" },
            grade: { declared: "优", computed: "良", cell: "I27" },
            findings: [
              finding({
                code: "EXPLANATION_TOO_SHORT",
                severity: "warning",
                cell: "I20",
                message: "说明太短",
              }),
              finding({
                code: "SCORE_TOO_HIGH",
                severity: "error",
                cell: "H30",
                message: "得分6高于重算得分4.5，请改为4.5",
                row: undefined,
              }),
              finding({
                code: "TOTAL_MISMATCH",
                severity: "error",
                cell: "H27",
                message: '总分95与各项得分之和88.5不符，"请"核对, 然后修改',
                row: undefined,
              }),
            ],
          }),
        ],
      },
      { file: "坏文件.xlsx", error: { code: "FILE_UNREADABLE", message: "无法读取该文件" }, sheets: [] },
    ],
  };
}
