/**
 * Every property test runs with one fixed seed so that CI is reproducible: a failure found once is
 * found again. FC_SEED=<n> replays another seed; FC_SEED=random explores by hand.
 */
const fc = require("fast-check");

const seed = process.env.FC_SEED === "random" ? Date.now() : Number(process.env.FC_SEED ?? 20261126);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
