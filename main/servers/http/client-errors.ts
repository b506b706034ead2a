import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** What the HTTP parser refused, in the words of the API's errors. */
function refusal(code: string | undefined): { status: number; error: string; description: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        error: 'RequestHeaderFieldsTooLarge',
        description:
          'The request line and headers are larger than 16 KiB (Node.js --max-http-header-size). Send shorter headers; ids in paths are at most limits.maxIdLength characters.',
      };
    case 'HPE_INVALID_METHOD':
      return {
        status: 405,
        error: 'MethodNotAllowed',
        description: 'smsim does not serve this method. Use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        error: 'RequestTimeout',
        description: 'The request did not arrive in time. Send it again.',
      };
    default:
      return {
        status: 400,
        error: 'BadRequest',
        description: `The request is not valid HTTP/1.1 (${code ?? 'parse error'}).`,
      };
  }
}

/**
 * Requests Node's HTTP parser refuses (oversized headers, unknown methods, garbage) are answered with JSON
 * `{error, description}` too, instead of Node's empty 400/431.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { status, ...body } = refusal(error.code);
    const json = JSON.stringify(body);
    // An answer to HEAD has no body; the request line was read, so its method is known.
    const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${head ? '' : json}`,
    );
  });
}
