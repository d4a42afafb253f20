/**
 * An environment for a child process. Next's types declare NODE_ENV as always
 * set, but the tests must be able to start children without it.
 */
export function toChildEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return env as NodeJS.ProcessEnv;
}
