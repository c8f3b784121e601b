import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { resourcePath } from '../app/paths';

/**
 * Serves the voice clips (resources/sounds/*.wav) at /sounds/ for the display board, which
 * plays them in a browser on the office LAN. Only .wav files; nothing is listed.
 */
export async function registerSoundsRoute(fastify: FastifyInstance): Promise<void> {
  let root: string;
  try {
    root = resourcePath('sounds');
  } catch {
    return;
  }
  if (!fs.existsSync(root)) return;
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/sounds/',
    decorateReply: false,
    index: false,
    list: false,
    allowedPath: (pathName) => /^\/?[a-z0-9-]+\.wav$/.test(pathName),
    // The clips never change within a version: let the board's browser keep them.
    maxAge: '1d',
  });
}
