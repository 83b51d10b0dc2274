import { base } from "@frontoffice/eslint-config";

export default base;
