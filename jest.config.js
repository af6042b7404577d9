// The sandbox's local-time Date methods follow the script's time zone (appsscript.json), as in
// Apps Script; workers inherit it from here.
process.env.TZ = 'Asia/Shanghai';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Jest's default (cores − 1) runs one file at a time on 2 cores; the rehearsal suites are CPU-bound.
  maxWorkers: 2,
};
