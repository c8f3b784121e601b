/**
 * The provincial double (tests/support/provincial-double) as its own process for the push
 * benchmark, so the server's work does not share the event loop being measured.
 * Prints `DOUBLE_URL=...` once listening; stops on SIGTERM.
 */
import { startProvincialDouble } from '../tests/support/provincial-double';

async function main() {
  const [username, password, agency] = process.argv.slice(2);
  const double = await startProvincialDouble({ accounts: [{ username, password, madonvi: [agency] }], sessionTtlSec: 3600 });
  process.stdout.write(`DOUBLE_URL=${double.url}\n`);
  const stop = async () => {
    await double.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
