import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['dist', 'dist-*', 'coverage', 'public/mockServiceWorker.js', 'tests/e2e/artifacts', 'tests/e2e/.build', 'tests/e2e/.build-*', 'tests/bench/dist'] },
    {
        files: ['**/*.{ts,tsx,js}'],
        extends: [js.configs.recommended, ...tseslint.configs.recommended],
        languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
        plugins: { 'react-hooks': reactHooks },
        rules: {
            'react-hooks/rules-of-hooks': 'error',
            'react-hooks/exhaustive-deps': 'warn',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        },
    },
    {
        // Features never import each other; shared code flows common/domain -> features -> app.
        files: ['src/verifications/**', 'src/cancellations/**'],
        rules: {
            'no-restricted-imports': ['error', { patterns: ['../cancellations/*', '../verifications/*', '../audit/*', '../dashboard/*'] }],
        },
    },
    {
        // The servers (the mock and the review server) are a separate backend: they may use the contract and the domain
        // rules, never UI code.
        files: ['mocks/**', 'server/**'],
        rules: {
            'no-restricted-imports': ['error', { patterns: ['**/src/providers/*', '**/src/common/*', '**/src/verifications/*', '**/src/cancellations/*', 'react-admin', 'react'] }],
        },
    },
);
