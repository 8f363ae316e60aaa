/**
 * The astronomy under the Vietnamese lunar calendar: moments of new moon and the Sun's apparent
 * longitude, from the published formulas of J. Meeus, "Astronomical Algorithms" (2nd ed.):
 * ch. 49 (new moon, with the planetary terms), ch. 25 (Sun, low accuracy, ≈ 0.01°), and the
 * Espenak–Meeus polynomials for ΔT = TT − UT. Julian days here are in UT unless named `jde`.
 * The day-level results of `lunar.ts` are checked against an independent ephemeris in
 * tests/shared/lunar.test.ts over 1900–2199.
 */
const RAD = Math.PI / 180;
const sin = (degrees: number) => Math.sin(degrees * RAD);

/** Julian day number (noon-based, integer) of a proleptic Gregorian date. */
export function julianDayNumber(year: number, month: number, day: number): number {
  // Days-from-civil with March as the first month, so leap days fall at the end of a "year".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra + 1721120;
}

export function dateOfJulianDayNumber(jdn: number): { year: number; month: number; day: number } {
  const z = jdn - 1721120;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ΔT in days for a decimal year (Espenak & Meeus 2006 polynomials; extrapolated after 2005). */
export function deltaTDays(year: number): number {
  const u = (year - 1820) / 100;
  let seconds: number;
  if (year < 1800) seconds = -20 + 32 * u * u;
  else if (year < 1860) {
    const t = year - 1800;
    seconds = 13.72 - 0.332447 * t + 0.0068612 * t ** 2 + 0.0041116 * t ** 3 - 0.00037436 * t ** 4 + 0.0000121272 * t ** 5 - 0.0000001699 * t ** 6 + 0.000000000875 * t ** 7;
  } else if (year < 1900) {
    const t = year - 1860;
    seconds = 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  } else if (year < 1920) {
    const t = year - 1900;
    seconds = -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  } else if (year < 1941) {
    const t = year - 1920;
    seconds = 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  } else if (year < 1961) {
    const t = year - 1950;
    seconds = 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  } else if (year < 1986) {
    const t = year - 1975;
    seconds = 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  } else if (year < 2005) {
    const t = year - 2000;
    seconds = 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  } else if (year < 2050) {
    const t = year - 2000;
    seconds = 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  } else if (year < 2150) seconds = -20 + 32 * u * u - 0.5628 * (2150 - year);
  else seconds = -20 + 32 * u * u;
  return seconds / 86400;
}

const decimalYearOfJd = (jd: number) => 2000 + (jd - 2451544.5) / 365.2425;

/** Julian day (UT) of the mean-lunation-numbered new moon k (k = 0: 6 January 2000). */
export function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;
  const periodic =
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  // Planetary arguments: [amplitude, constant, coefficient of k] (A1 also has a T² term).
  const planetary: Array<[number, number, number]> = [
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  let additional = 0;
  planetary.forEach(([amplitude, c0, c1], i) => {
    additional += amplitude * sin(c0 + c1 * k + (i === 0 ? -0.009173 * T2 : 0));
  });
  const tdt = jde + periodic + additional;
  return tdt - deltaTDays(decimalYearOfJd(tdt));
}

/** Apparent geocentric longitude of the Sun in degrees [0, 360) at Julian day `jd` (UT). */
export function sunLongitude(jd: number): number {
  const T = (jd + deltaTDays(decimalYearOfJd(jd)) - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sin(M) + (0.019993 - 0.000101 * T) * sin(2 * M) + 0.000289 * sin(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = L0 + C - 0.00569 - 0.00478 * sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** Mean lunation number k of the new moon nearest to Julian day `jd`. */
export const lunationNear = (jd: number) => Math.round((jd - 2451550.09766) / 29.530588861);
