// A client of a server-sent-event stream over a real socket, for the tests of GET …/events: it
// parses what arrives, keeps the events and comment lines, and knows when the server ended it.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { expect } from 'vitest';
import type { DomainEvent } from '../../../src/domain/event/schema.js';

/** One open stream: the events and comments read so far, and how to wait for more or hang up. */
export interface Stream {
  status: number;
  headers: IncomingMessage['headers'];
  events: DomainEvent[];
  comments: string[];
  ended: boolean;
  /** Waits until `check` holds (or fails after `ms`). */
  until(check: () => boolean, ms?: number): Promise<void>;
  close(): void;
}

/**
 * Opens GET `path` on the listening server with a bearer token (or, with `token` empty, with the
 * headers given alone) and parses what arrives as SSE.
 */
export function open(
  port: number,
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      },
      (res) => {
        const stream: Stream = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          events: [],
          comments: [],
          ended: false,
          async until(check, ms = 10_000) {
            const deadline = Date.now() + ms;
            while (!check()) {
              if (Date.now() > deadline) throw new Error(`stream: condition not met in ${ms} ms`);
              await new Promise((r) => setTimeout(r, 20));
            }
          },
          close: () => req.destroy(),
        };
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            for (const l of block.split('\n')) if (l.startsWith(':')) stream.comments.push(l.slice(1).trim());
            if (data) {
              const event = JSON.parse(data) as DomainEvent;
              expect(block).toContain(`id: ${event.seq}\n`);
              stream.events.push(event);
            }
          }
        });
        res.on('end', () => {
          stream.ended = true;
        });
        res.on('error', () => {
          stream.ended = true;
        });
        resolve(stream);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
