import { frontofficeVitest } from "@frontoffice/vitest-config";

export default frontofficeVitest();
