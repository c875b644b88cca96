import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Whether the request carries `Authorization: Bearer <token>` with this sandbox's token. */
export function hasSandboxToken(req: Request, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(req.header('authorization') ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  // Constant-time compare, so response timing says nothing about how much of a guess was right.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
