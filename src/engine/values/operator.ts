/** A comparison as a target states it: ≥ > ≤ < =. Its own module so that quantity.ts need not import the index. */
export type Operator = "ge" | "gt" | "le" | "lt" | "eq";
