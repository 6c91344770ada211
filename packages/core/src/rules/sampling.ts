/**
 * A stable 32-bit FNV-1a hash over UTF-16 code units. Spread well enough for sampling:
 * 100,000 sequential ids land within ±0.3 points of any share (see sampling.test.ts).
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The sampling bucket of a person for a survey, 0–99.99 in steps of 0.01. The same person and
 * survey always land in the same bucket, and buckets of different surveys are independent;
 * a survey sampled at P % shows to buckets below P.
 */
export function samplingBucket(personId: string, surveyId: string): number {
  return (hash32(`${surveyId}:${personId}`) % 10000) / 100;
}
