/** The text of `ziping --help` (Chinese first, English after) and the short usage line for mistakes. */

export const USAGE = `用法 Usage:
  ziping check [文件或文件夹...] [--format table|json|csv] [--profile <规则id|规则.json>]
               [--sheet <工作表名>] [--out <问题清单.xlsx>] [--jobs <线程数>] [--report <自评报告.docx>]
               [--targets <申报表.xlsx|文件夹>] [--previous <上年自评表.xlsx|文件夹>]
  ziping draft <自评表.xlsx> --out <自评报告（草稿）.docx> [--profile …] [--sheet …]
  ziping profiles [--format table|json]
  ziping --help | --version`;

export const HELP = `ziping — 绩效自评表校验助手（检查预算绩效自评表的分值、得分、执行率、总分与等级）

${USAGE}

命令：
  check      检查一个或多个 .xlsx 或旧版 .xls 文件；给文件夹时递归查找其中的 .xlsx / .xls（跳过 ~$ 开头的
             临时锁文件）；WPS 的 .et 文件和无法打开的子文件夹也会列出，不会被悄悄漏掉。
             每个文件在单独的工作线程中检查，有内存和时间（15 秒）上限：一个坏文件只算一条“无法读取”。
             不给路径时检查随程序附带的示例（安装目录下 assets/samples/，与当前目录无关）。
             .docx（自评报告）中的自评表同样检查，报告正文中的数字和表述与表格核对；文件夹中的 .docx
             一并检查，旧版 .doc / .wps 会列出，提示另存为 .docx。
  draft      按自评表生成自评报告草稿（.docx）：预算执行、绩效指标完成情况、偏差原因、自评结论和附件表格，
             需要人工填写之处标为【请补充：…】；不会覆盖不是 ziping 写的已有文件。
  profiles   列出内置评分规则（profile）。

选项：
  -f, --format table|json|csv  输出格式。默认 table（中文可读摘要），不论输出是否为终端，
                               便于直接重定向到文件阅读；脚本请用 --format json。
                               json：只在标准输出打印报告对象；csv：每个问题一行（UTF-8 带 BOM，Excel 可直接打开）。
  -p, --profile <id|路径>      评分规则：内置规则 id（见 ziping profiles），或自定义规则 JSON 文件的路径。
  -s, --sheet <名称>           只检查该名称的工作表（默认检查所有识别为自评表的工作表）。
  -o, --out <文件.xlsx>        另存一份问题清单工作簿（“汇总”与“问题清单”两张表，单元格地址可点击跳转）。
                               不会覆盖要检查的文件，也不会覆盖不是 ziping 写的已有文件。
  --                           其后的参数都是文件名，即使以 - 开头。
  -r, --report <报告.docx>      把自评报告正文中的数字（预算、执行数、执行率、结余、得分、等级）和表述
                               与每个自评表核对（REPORT_ 开头的问题，注明报告第几段）。
  --targets <文件|文件夹>       与批复的绩效目标表（申报表）对照：指标值改动（TARGET_CHANGED）、
                               指标缺失或新增、分值变动。给文件夹时按项目名称/单位配对；申报表是自评表
                               工作簿中的一张工作表时，给自评表文件本身。
  --previous <文件|文件夹>      与上年自评表对照：上年超额完成（达到复核比例）而今年指标值未提高（TARGET_NOT_RAISED）。
  -j, --jobs <n>               并行检查的线程数（1–64）。默认：少于 8 个文件用 1 个；
                               否则每个 CPU 核一个，最多 4 个。
  -h, --help                   显示本帮助。
  -v, --version                显示版本号。

退出码：0 全部文件读取成功且没有“错误”级问题；1 有错误级问题，或有文件无法读取/不含自评表；2 用法错误。
颜色：仅当标准输出是终端且未设置 NO_COLOR 时着色。多个文件且标准错误是终端时显示进度条。

示例：
  ziping check 2021年度部门整体支出绩效自评表.xlsx
  ziping check 收到的材料/ --out 审核意见.xlsx --jobs 2
  ziping check 自评表.xlsx --profile sichuan --format json > report.json
  ziping check 自评表.xlsx --report 自评报告.docx
  ziping check 自评表.xlsx --targets 绩效目标表.xlsx --previous 2023年自评表.xlsx
  ziping draft 自评表.xlsx --out 自评报告（草稿）.docx

English:
  ziping check [files|folders...]  check .xlsx and old .xls self-evaluation tables (folders are searched
                                   recursively, ~$ lock files skipped; WPS .et files and unreadable folders
                                   are listed, never dropped; each file in a worker with memory and time
                                   limits). With no path it checks the bundled samples in the
                                   package's assets/samples/ folder (resolved from the package, not the cwd).
  ziping draft <table.xlsx> --out <draft.docx>
                                   draft the report's data sections from the table (【请补充：…】 to fill in).
  ziping profiles                  list the built-in scoring profiles.
  --format table|json|csv          output format; default table, also when stdout is not a terminal
                                   (use --format json in scripts). json prints only the report object on stdout.
  --profile <id|file.json>         a built-in profile id or a JSON profile file (validated).
  --sheet <name>                   check only this worksheet.
  --out <file.xlsx>                also write a findings workbook (summary + findings with links to the cells);
                                   never over an input or an existing file ziping did not write.
  --                               everything after it is a file name.
  --report <report.docx>           check the report's prose (figures, claims, outline) against each table;
                                   a .docx given to check is read for its tables and its own prose.
  --targets <file|folder>          compare with the approved targets table(s): changed targets, indicators
                                   dropped or added, weights moved; a folder is paired by project / unit;
                                   give the table's own workbook when the 申报表 is one of its sheets.
  --previous <file|folder>         compare with last year's table(s): over-achieved targets not raised.
  --jobs <n>                       worker threads; default 1 for fewer than 8 files, else one per
                                   CPU, at most 4.
  Exit status: 0 no error finding; 1 an error finding or an unreadable / non-table file; 2 usage error.
  Colour only when stdout is a terminal and NO_COLOR is unset; progress bar on stderr for several files.`;
