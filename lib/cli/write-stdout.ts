/**
 * Writes to stdout and resolves once the bytes are handed to the OS. A CLI
 * that calls process.exit() right after a large write to a pipe would
 * otherwise cut its output at the pipe's 64 KB buffer.
 */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
