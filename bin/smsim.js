#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npx smsim` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli.ts');
