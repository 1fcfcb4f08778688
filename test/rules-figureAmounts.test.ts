import Decimal from 'decimal.js';
import { isNought, sameAmount, type Figure } from '../src/core/rules/toolkit/tableAccess';

/**
 * A figure's amount told by its exact integer (units × 10^−exp) where it has one, with no Decimal
 * built, and by its Decimal where it has none or the integers would not stay exact.
 */
const figure = (value: string, units?: number, exp?: number) => ({ value: new Decimal(value), units, exp }) as unknown as Figure;

describe('a figure’s amount read without building its Decimal (sameAmount, isNought)', () => {
  test('the same amount written with more decimals is the same amount', () => {
    expect(sameAmount(figure('12.3', 123, 1), figure('12.30', 1230, 2))).toBe(true);
    expect(sameAmount(figure('12.30', 1230, 2), figure('12.3', 123, 1))).toBe(true);
    expect(sameAmount(figure('1269', 1269, 0), figure('1269.00', 126900, 2))).toBe(true);
  });

  test('amounts that differ in any digit differ', () => {
    expect(sameAmount(figure('12.3', 123, 1), figure('12.31', 1231, 2))).toBe(false);
    expect(sameAmount(figure('12.31', 1231, 2), figure('-12.31', -1231, 2))).toBe(false);
  });

  test('a figure without an exact integer (a corrected one) is compared by its Decimal', () => {
    expect(sameAmount(figure('5'), figure('5.00', 500, 2))).toBe(true);
    expect(sameAmount(figure('5.01', 501, 2), figure('5'))).toBe(false);
  });

  test('past 2^53 once brought to one power of ten, the Decimals decide', () => {
    // 123456789012345 × 100 is no longer exact as a double: the (here deliberately equal) Decimals answer.
    const big = figure('123456789012345', 123456789012345, 0);
    expect(sameAmount(big, figure('123456789012345', 123456789012345, 2))).toBe(true);
    expect(sameAmount(big, figure('1234567890123.45', 123456789012345, 2))).toBe(false);
  });

  test('zero: an empty cell, a typed −0.00 and an unreadable cell are nought, a cent is not', () => {
    expect(isNought(figure('0', 0, 0))).toBe(true);
    expect(isNought(figure('-0', -0, 2))).toBe(true);
    expect(isNought(figure('0'))).toBe(true);
    expect(isNought(figure('0.01', 1, 2))).toBe(false);
    expect(isNought(figure('-0.01', -1, 2))).toBe(false);
    // Without an integer form the Decimal answers.
    expect(isNought(figure('0.5'))).toBe(false);
  });
});
