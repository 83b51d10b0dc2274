/**
 * Runs a benchmark's main function and makes sure every database it opened is closed (a
 * PostgreSQL test database dropped) on success, failure and Ctrl-C.
 */
export function runBenchmark(main: () => Promise<void>, open: Set<{ close(): Promise<void> }>): void {
  const closeAll = async () => {
    await Promise.allSettled([...open].map((resource) => resource.close()));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void closeAll().finally(() => process.exit(130));
    });
  }
  main().then(
    () => {
      process.exitCode = 0;
    },
    async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message).slice(0, 4000) : error);
      await closeAll();
      process.exitCode = 1;
    },
  );
}
