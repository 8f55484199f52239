import { createHash } from 'node:crypto';

/**
 * Name-based UUIDs (version 5, RFC 9562 §5.5): the same name always gives the same GUID, so a
 * code, a variable or a coding keeps its GUID from one export to the next and a QDA tool that
 * imports a newer export can match what it already has.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Tillit Tracker's own namespace for REFI-QDA GUIDs (a random v4 UUID, fixed forever). */
export const REFI_NAMESPACE = '7c1d0f4e-2b8a-4c55-9e3f-5a6b7c8d9e01';

export const refiGuid = (name: string): string => uuidV5(name, REFI_NAMESPACE);
