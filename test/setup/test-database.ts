/** Shared between the global setup (which writes them) and the test files (which read them). */
export const ENV_ADMIN_URL = 'TILLIT_TEST_ADMIN_URL';
export const ENV_TEMPLATE_DB = 'TILLIT_TEST_TEMPLATE_DB';
