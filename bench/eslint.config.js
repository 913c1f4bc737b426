import { gatehouseConfig } from "@gatehouse/eslint-config";

export default gatehouseConfig(import.meta.dirname);
