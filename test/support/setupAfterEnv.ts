// Quiet, deterministic test processes: no request logs unless asked for.
process.env.LOG_LEVEL ??= 'silent';
process.env.GONGKAI_JOBS ??= 'off';
