// Built-ins the bundle must not use. esbuild lowers syntax to `target` (es2019) but never
// polyfills built-ins, and Google's V8 runtime page
// (https://developers.google.com/apps-script/guides/v8-runtime) documents modern *syntax* only:
// it names no built-in method or ECMAScript edition. Pessimistic reading: only ES2019 built-ins
// are known to exist, so every later one is refused here (build) and deleted from the offline
// sandbox (src/offline/sandbox/runtime.js), where a use throws as it would on an older runtime.

/** [what, ECMAScript edition or origin, pattern in the bundle] */
const FORBIDDEN_BUILTINS = [
  ['Array/String.prototype.at', 'ES2022', /\.at\(/],
  ['Object.hasOwn', 'ES2022', /\bObject\.hasOwn\b/],
  ['structuredClone', 'HTML (not ECMAScript)', /\bstructuredClone\b/],
  ['Array.prototype.findLast', 'ES2023', /\.findLast\(/],
  ['Array.prototype.findLastIndex', 'ES2023', /\.findLastIndex\(/],
  ['Array.prototype.toSorted', 'ES2023', /\.toSorted\(/],
  ['Array.prototype.toReversed', 'ES2023', /\.toReversed\(/],
  ['Array.prototype.toSpliced', 'ES2023', /\.toSpliced\(/],
  ['Array.prototype.with', 'ES2023', /\.with\(/],
  ['String.prototype.replaceAll', 'ES2021', /\.replaceAll\(/],
  ['String.prototype.matchAll', 'ES2020', /\.matchAll\(/],
  ['String.prototype.isWellFormed / toWellFormed', 'ES2024', /\.(?:is|to)WellFormed\(/],
  ['Promise.allSettled', 'ES2020', /\bPromise\.allSettled\b/],
  ['Promise.any', 'ES2021', /\bPromise\.any\b/],
  ['Promise.withResolvers', 'ES2024', /\bPromise\.withResolvers\b/],
  ['Object.groupBy / Map.groupBy', 'ES2024', /\b(?:Object|Map)\.groupBy\b/],
  ['WeakRef / FinalizationRegistry', 'ES2021', /\b(?:WeakRef|FinalizationRegistry)\b/],
  ['AggregateError', 'ES2021', /\bAggregateError\b/],
];

/** Every forbidden built-in the code uses, with a line number of its first use. */
function forbiddenBuiltinsIn(code) {
  const lines = code.split('\n');
  const found = [];
  for (const [what, edition, pattern] of FORBIDDEN_BUILTINS) {
    const line = lines.findIndex((l) => pattern.test(l));
    if (line >= 0) found.push({ what, edition, line: line + 1 });
  }
  return found;
}

module.exports = { FORBIDDEN_BUILTINS, forbiddenBuiltinsIn };
