export const ROOT: string;
/** True when there is no complete build or a source changed after it. */
export function isStale(root?: string): boolean;
/** Builds the client (both entries) into dist/client. */
export function buildClient(root?: string): Promise<void>;
/** Compiles the server into dist/server. */
export function buildServer(root?: string): Promise<void>;
/** The whole build: client, server, then the stamp. */
export function build(root?: string): Promise<void>;
