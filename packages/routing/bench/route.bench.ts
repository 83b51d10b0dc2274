/// <reference types="node" />
/**
 * `pnpm --filter @frontoffice/routing bench`: routing decisions per second in-process for 100
 * staff and 20 rules (bench/scenario.ts), during opening hours and after hours. Prints figures;
 * never asserts a timing.
 */
import { type RoutingDecision, route, validateRoutingConfig } from "../src/index.js";
import { NOW, RULES, scenario, STAFF } from "./scenario.js";

const { state, rules, calls } = scenario();
if (rules.length !== RULES || state.staff.length !== STAFF) throw new Error("the scenario is not the one described");
const problems = validateRoutingConfig(state, rules);
if (problems.length > 0) throw new Error(`scenario misconfigured: ${problems.map((problem) => problem.message).join("; ")}`);

function measure(label: string, now: string, minimumMs = 1_500): void {
  const actions = new Map<string, number>();
  const run = (count: number) => {
    let last: RoutingDecision | undefined;
    for (let index = 0; index < count; index++) last = route(calls[index % calls.length]!, state, rules, now);
    return last;
  };
  run(2_000); // warm-up
  let decisions = 0;
  const started = performance.now();
  while (performance.now() - started < minimumMs) {
    run(1_000);
    decisions += 1_000;
  }
  const elapsed = performance.now() - started;
  for (const call of calls) {
    const { action } = route(call, state, rules, now);
    actions.set(action, (actions.get(action) ?? 0) + 1);
  }
  const mix = [...actions].map(([action, count]) => `${action} ${((100 * count) / calls.length).toFixed(0)} %`).join(", ");
  process.stdout.write(`${label.padEnd(14)} ${Math.round((decisions / elapsed) * 1_000).toLocaleString("en")} decisions/s  (${((elapsed * 1_000) / decisions).toFixed(1)} µs each; ${mix})\n`);
}

process.stdout.write(`routing: ${STAFF} staff, ${state.departments.length} departments, ${RULES} rules, ${calls.length} distinct calls\n`);
measure("open hours", NOW);
measure("after hours", "2025-12-02T21:30:00Z");
