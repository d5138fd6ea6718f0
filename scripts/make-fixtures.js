#!/usr/bin/env node
/**
 * Writes the bundled sample (assets/samples/2021年度部门整体支出绩效自评表.xlsx) and the test fixtures
 * (test/fixtures/generated/*.xlsx + manifest.json). Usage: node scripts/make-fixtures.js [outDir]
 */
"use strict";

const { makeAll, SAMPLE_PATH, GENERATED_DIR } = require("./fixtures");

makeAll(process.argv[2] || GENERATED_DIR)
  .then((m) => {
    process.stdout.write(
      `示例工作簿：${SAMPLE_PATH}\n生成 ${m.fixtures.length} 个测试文件：${process.argv[2] || GENERATED_DIR}\n`,
    );
  })
  .catch((e) => {
    process.stderr.write(`生成测试文件失败：${e && e.message ? e.message : e}\n`);
    process.exit(1);
  });
