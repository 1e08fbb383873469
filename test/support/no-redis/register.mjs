// `node --import ./register.mjs …`: a process in which `redis` is not installed.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
