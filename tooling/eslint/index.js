// Shared typed ESLint preset: each package calls it with its own folder so that
// type-aware rules (no floating promises, type-only imports) see its tsconfig.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** @param {string} tsconfigRootDir */
export function gatehouseConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ["dist/**", ".next/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "*.config.*", "eslint.config.js", "**/*.mjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/no-floating-promises": "error",
        "@typescript-eslint/no-misused-promises": "error",
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "no-console": "error",
      },
    },
  );
}
