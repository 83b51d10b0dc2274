export * from "./gateway.js";
export { cashGateway, checkGateway, terminalGateway } from "./offline.js";
export { SANDBOX_TEST_CARDS, sandboxGateway, type SandboxGatewayOptions } from "./sandbox.js";
