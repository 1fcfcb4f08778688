import { columnBalance } from './balanceColumns';
import { columnChange } from './changeColumns';
import { columnChangeRate } from './changeRate';
import { codeHierarchy } from './codeHierarchy';
import { columnTotal } from './columnTotal';
import { crossBasicExpenditure } from './crossBasicExpenditure';
import { crossCodeNames } from './crossCodeNames';
import { crossCodeByName } from './crossCodeByName';
import { crossEconomicSummary } from './crossEconomicSummary';
import { crossFiscalBasic, crossFiscalExpenditure } from './crossFiscalExpenditure';
import { crossFiscalFunction } from './crossFiscalFunction';
import { crossFiscalSummary } from './crossFiscalSummary';
import { crossFundTables } from './crossFundTables';
import { crossGeneralExpenditure } from './crossGeneralExpenditure';
import { crossOperatingCost } from './crossOperatingCost';
import { crossProject } from './crossProject';
import { crossSummaryFunction } from './crossSummaryFunction';
import { crossSummaryIncome } from './crossSummaryIncome';
import { crossIncomeSources } from './crossIncomeSources';
import { econClassTotals } from './econClassTotals';
import { econCodePairing } from './econCodePairing';
import { narrativeAmounts } from './narrativeAmounts';
import { narrativePoints } from './narrativePoints';
import { narrativePreviousYear } from './narrativePreviousYear';
import { narrativeRates } from './narrativeRates';
import { narrativeReasons } from './narrativeReasons';
import { narrativeComparison } from './narrativeComparison';
import { narrativeClassNames } from './narrativeClassNames';
import { narrativeNone } from './narrativeNone';
import { narrativeSums } from './narrativeSums';
import { narrativeWording } from './narrativeWording';
import { disclosureCompleteness } from './disclosureCompleteness';
import { ofWhich } from './ofWhich';
import { procurementLevels } from './procurementLevels';
import { rowSum } from './rowSum';
import { summaryLines } from './summaryLines';
import { bindRules, type RuleSpec } from './toolkit/ruleSpec';
import { threePublicItems } from './threePublicItems';
import { unreadableAmount } from './unreadableAmount';

/**
 * Every rule, in reporting order: inside a table first, then across tables. The one place
 * that lists them. They are bound together so a culprit cell breaking checks of several
 * rules is found once (toolkit/pinpoint.ts).
 */
export const RULE_SPECS: RuleSpec[] = [
  unreadableAmount,
  rowSum,
  columnTotal,
  codeHierarchy,
  summaryLines,
  ofWhich,
  columnChange,
  columnChangeRate,
  columnBalance,
  econClassTotals,
  procurementLevels,
  crossSummaryFunction,
  crossSummaryIncome,
  crossIncomeSources,
  crossFiscalFunction,
  crossFiscalSummary,
  crossFiscalExpenditure,
  crossFiscalBasic,
  crossGeneralExpenditure,
  crossBasicExpenditure,
  crossProject,
  crossEconomicSummary,
  crossFundTables,
  crossOperatingCost,
  crossCodeNames,
  crossCodeByName,
  econCodePairing,
  threePublicItems,
  narrativeAmounts,
  narrativeRates,
  narrativePreviousYear,
  narrativePoints,
  narrativeSums,
  narrativeWording,
  narrativeReasons,
  narrativeComparison,
  narrativeClassNames,
  narrativeNone,
  disclosureCompleteness,
];

/** Every rule module bound once: the registry is checked here, when the engine is loaded. */
export const runRules = bindRules(RULE_SPECS);
