/** Shared between the global setup (which writes them) and the test files (which read them). */
export const ENV_ADMIN_URL = 'TILLIT_TEST_ADMIN_URL';
export const ENV_TEMPLATE_DB = 'TILLIT_TEST_TEMPLATE_DB';
/** The server as the tests' runtime login (a member of tillit_runtime, like the API's own role). */
export const ENV_RUNTIME_URL = 'TILLIT_TEST_RUNTIME_URL';
export const TEST_RUNTIME_ROLE = 'tillit_app_test';
export const TEST_RUNTIME_PASSWORD = 'tillit-test-runtime';
