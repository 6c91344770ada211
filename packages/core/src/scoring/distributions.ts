// Normal and Student t distributions, written out so core stays dependency-free and gives the
// same digits in every JavaScript engine. Accuracy is tested against published tables.

const SQRT_2PI = 2.5066282746310002;

/**
 * Standard normal CDF Φ(x): Hart's (1968) rational approximation as given by West (2005),
 * "Better approximations to cumulative normal functions", for |x| < 3, and Laplace's continued
 * fraction for the tails, so that small tail probabilities keep ~1e-13 relative precision.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError(`sonde: normalCdf needs a number (got ${x})`);
  const a = Math.abs(x);
  let tail: number;
  if (a > 38.5) tail = 0;
  else if (a < 3) {
    let num = 3.52624965998911e-2 * a + 0.700383064443688;
    num = num * a + 6.37396220353165;
    num = num * a + 33.912866078383;
    num = num * a + 112.079291497871;
    num = num * a + 221.213596169931;
    num = num * a + 220.206867912376;
    let den = 8.83883476483184e-2 * a + 1.75566716318264;
    den = den * a + 16.064177579207;
    den = den * a + 86.7807322029461;
    den = den * a + 296.564248779674;
    den = den * a + 637.333633378831;
    den = den * a + 793.826512519948;
    den = den * a + 440.413735824752;
    tail = (Math.exp((-a * a) / 2) * num) / den;
  } else {
    // Mills ratio as a continued fraction, evaluated backwards; 60 terms are exact to double
    // precision for |x| ≥ 3.
    let cf = a;
    for (let k = 60; k >= 1; k--) cf = a + k / cf;
    tail = Math.exp((-a * a) / 2) / cf / SQRT_2PI;
  }
  return x > 0 ? 1 - tail : tail;
}

const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

function checkProbability(p: number, fn: string): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`sonde: ${fn} needs a probability strictly between 0 and 1 (got ${p})`);
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9)
 * polished by one Halley step on `normalCdf`, which brings it to double precision.
 */
export function normalQuantile(p: number): number {
  checkProbability(p, "normalQuantile");
  // Work in the lower half, where p carries full precision, and mirror.
  if (p > 0.5) return -normalQuantile(1 - p);
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
  const [d0, d1, d2, d3] = ACKLAM_D;
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9); relative error ≈ 1e-15. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;

// Continued fraction of the incomplete beta function by the modified Lentz method
// (Press et al., Numerical Recipes, 3rd ed., §6.4).
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) return h;
  }
  throw new RangeError(`sonde: incomplete beta did not converge for a = ${a}, b = ${b}, x = ${x}`);
}

/** The regularized incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

function checkDf(df: number, fn: string): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`sonde: ${fn} needs degrees of freedom > 0 (got ${df})`);
}

// P(T > t) for t ≥ 0, computed directly so that small tails keep their precision.
function studentTUpperTail(t: number, df: number): number {
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student t CDF with `df` degrees of freedom (df may be fractional, as Welch's test needs). */
export function studentTCdf(t: number, df: number): number {
  checkDf(df, "studentTCdf");
  if (Number.isNaN(t)) throw new RangeError(`sonde: studentTCdf needs a number (got ${t})`);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const upper = studentTUpperTail(Math.abs(t), df);
  return t >= 0 ? 1 - upper : upper;
}

function studentTDensity(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * Student t quantile: exact closed forms for df = 1 and 2, otherwise a Cornish–Fisher start
 * (Abramowitz & Stegun 26.7.5) refined by safeguarded Newton steps on the upper tail.
 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability(p, "studentTQuantile");
  checkDf(df, "studentTQuantile");
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const q = 1 - p;
  const z = normalQuantile(p);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df ** 3) +
    (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / (92160 * df ** 4);
  // Bracket the root of upperTail(t) = q, then Newton with bisection as a fallback.
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  if (!(t > 0) || !Number.isFinite(t)) t = z;
  for (let i = 0; i < 200; i++) {
    const diff = studentTUpperTail(t, df) - q;
    if (diff > 0) lo = t;
    else hi = t;
    let next = t + diff / studentTDensity(t, df);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * t;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}
