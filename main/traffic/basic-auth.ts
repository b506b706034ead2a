/** A user name and password of HTTP basic authentication. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** The `Authorization` header a client sends them in. */
export function basicAuthHeader({ username, password }: BasicCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
