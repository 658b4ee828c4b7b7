import type { Seed } from '../../seed';
import { ensureFirstAdmin } from './service';

/** Creates the first province admin on an empty database and prints its password once. */
export const firstAdminSeed: Seed = {
  name: 'first-admin',
  async run({ config, logger }) {
    const created = await ensureFirstAdmin(config.adminPassword);
    if (!created) return;
    if (created.password) {
      // Printed once, on stdout, not in the JSON logs' fields.
      process.stdout.write(
        `\n  首个省级管理员已创建 / first province admin created\n  用户名 username: ${created.username}\n  密码 password:   ${created.password}\n  (shown once; set GONGKAI_ADMIN_PASSWORD to choose it)\n\n`,
      );
    }
    logger.info({ username: created.username }, 'first province admin created');
  },
};
