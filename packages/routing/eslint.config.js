import { pure } from "@frontoffice/eslint-config";

export default pure;
