/**
 * Direction of a bare-number indicator (scoring-rules.md §3): 越小越好 under 成本指标 or when the name
 * counts something bad (成本, 费用, 事故, 投诉 …); otherwise 越大越好.
 */
import { compact, normalizeText } from "./normalize";

/** Names that count something bad or spent: the smaller the better. */
const REVERSE_WORDS =
  /成本|费用|单价|造价|均价|事故|发生率|发病率|死亡|伤亡|投诉|差错|错误率|误差|失误|逾期|超期|延期|结余率|调整次数|调整率|时长|天数|耗时|用时|时限|等待时间|响应时间|办理时间|处理时间|超支|超预算|超标|损失|违规|违纪|违法|返工|故障|不合格率|次品率|流失率|辍学率|空置率|闲置率|漏报率|误报率|退回率|返修率|能耗|排放|污染|上访|信访量|赔付/;

/**
 * Names that look reverse by a word above but measure an achievement: 事故处理及时率, 投诉办结率,
 * 成本节约率, 能耗降低率, 违规问题整改率. These win even under 成本指标.
 */
const POSITIVE_WORDS =
  /及时率|完成率|达标率|覆盖率|合格率|满意|处理率|办结率|结案率|整改|执行率|到位率|回复率|答复率|解决率|知晓率|通过率|查处率|节约|节省|节支|降低率|下降率|减少率|压减|降幅|下降幅度|减少量|控制率|处置率|化解率/;

/** True when a bare number under this indicator is 越小越好. */
export function inferReverse(name: string, level1: string, level2: string): boolean {
  const n = compact(normalizeText(String(name ?? "")));
  const l1 = compact(normalizeText(String(level1 ?? "")));
  const l2 = compact(normalizeText(String(level2 ?? "")));
  if (POSITIVE_WORDS.test(n)) return false;
  if (/成本/.test(l2) || /成本/.test(l1)) return true;
  return REVERSE_WORDS.test(n);
}
