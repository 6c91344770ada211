import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from "./distributions.js";

// Reference digits: Abramowitz & Stegun (1964) Table 26.1 (Φ to 15 places) and the NIST/SEMATECH
// e-Handbook §1.3.6.7.1–2 (normal and t critical values, 3 places); the extra digits below agree
// with R's pnorm/qnorm/qt, which is how the published tables are reproduced today.

function relErr(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [0.5, 0.691462461274013],
    [1, 0.841344746068543],
    [1.5, 0.933192798731142],
    [2, 0.977249868051821],
    [2.5, 0.993790334674224],
    [3, 0.99865010196837],
    [4, 0.999968328758167],
    [5, 0.999999713348428],
  ])("A&S Table 26.1: Φ(%d) = %d", (x, want) => {
    expect(Math.abs(normalCdf(x) - want)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-x) - (1 - want))).toBeLessThan(1e-15);
  });

  it.each([
    [-5, 2.866515718791933e-7],
    [-8, 6.22096057427174e-16],
    [-10, 7.61985302416047e-24],
    [-30, 4.906713927148187e-198],
  ])("far lower tail keeps relative precision: Φ(%d) = %d", (x, want) => {
    expect(relErr(normalCdf(x), want)).toBeLessThan(1e-12);
  });

  it("saturates instead of returning NaN at the extremes", () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it("names a NaN argument", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(/normalCdf needs a number \(got NaN\)/);
  });
});

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
  ])("NIST §1.3.6.7.1: z(%d) = %d", (p, want) => {
    expect(Math.abs(normalQuantile(p) - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
  });

  it("inverts normalCdf across the range, both halves", () => {
    // Lower half only as input: 1 − p for p near 1 has lost digits before we ever see it.
    for (let x = -37; x <= 0; x += 0.25) {
      const p = normalCdf(x);
      expect(Math.abs(normalQuantile(p) - x), `x = ${x}`).toBeLessThan(1e-12 * Math.max(1, -x));
      if (x > -5) expect(Math.abs(normalQuantile(1 - p) + x), `x = ${-x}`).toBeLessThan(1e-8);
    }
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])("rejects p = %d, naming it", (p) => {
    expect(() => normalQuantile(p)).toThrow(new RegExp(`strictly between 0 and 1 \\(got ${p}\\)`));
  });
});

describe("studentTQuantile", () => {
  it.each([
    [1, 0.975, 12.706204736174694],
    [2, 0.975, 4.302652729749462],
    [3, 0.975, 3.1824463052837078],
    [4, 0.975, 2.7764451051977934],
    [5, 0.975, 2.5705818356363146],
    [10, 0.975, 2.228138851986274],
    [30, 0.975, 2.0422724563012378],
    [100, 0.975, 1.9839715185235518],
    [5, 0.995, 4.032142983555228],
    [10, 0.95, 1.8124611228116756],
    [3, 0.9995, 12.923978636687961],
    [194, 0.975, 1.9722675325821355],
    [17.776473516178488, 0.975, 2.1028172415698023],
    [2.5, 0.999, 13.82219311086596],
    [1e6, 0.975, 1.959966356814107],
  ])("NIST §1.3.6.7.2: t(df = %d, p = %d) = %d", (df, p, want) => {
    // The NIST table prints 3 decimals; we hold ourselves to 1e-9 relative.
    expect(relErr(studentTQuantile(p, df), want)).toBeLessThan(1e-9);
    expect(relErr(studentTQuantile(1 - p, df), -want)).toBeLessThan(1e-9);
  });

  it("matches the closed forms for df = 1 (Cauchy) and df = 2 at many points", () => {
    for (let p = 0.01; p < 1; p += 0.01) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      expect(relErr(studentTCdf(cauchy, 1), p), `df 1, p ${p}`).toBeLessThan(1e-12);
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(relErr(studentTCdf(two, 2), p), `df 2, p ${p}`).toBeLessThan(1e-12);
    }
  });

  it("inverts studentTCdf for fractional and large df", () => {
    for (const df of [1.5, 3, 7.3, 25, 1234.5]) {
      for (const p of [0.001, 0.025, 0.2, 0.6, 0.9, 0.995]) {
        const t = studentTQuantile(p, df);
        expect(relErr(studentTCdf(t, df), p), `df ${df}, p ${p}`).toBeLessThan(1e-10);
      }
    }
  });

  it.each([
    [0.95, 0],
    [0.95, -3],
    [0.95, Number.NaN],
    [0.95, Number.POSITIVE_INFINITY],
  ])("rejects p = %d with df = %d, naming the df", (p, df) => {
    expect(() => studentTQuantile(p, df)).toThrow(new RegExp(`degrees of freedom > 0 \\(got ${df}\\)`));
  });
});

describe("studentTCdf", () => {
  it.each([
    [2.228, 10, 0.9749941140914443],
    [0.5, 3, 0.6742760175759245],
    [10, 4, 0.999718998188642],
    [3, 1e6, 0.9986500687292891],
  ])("t = %d, df = %d → %d", (t, df, want) => {
    expect(relErr(studentTCdf(t, df), want)).toBeLessThan(1e-12);
    expect(relErr(studentTCdf(-t, df), 1 - want)).toBeLessThan(1e-9);
  });

  it("approaches the normal CDF as df grows", () => {
    for (const x of [-3, -1, 0.5, 2]) expect(Math.abs(studentTCdf(x, 1e7) - normalCdf(x))).toBeLessThan(1e-6);
  });
});
