import type { KyxWorkQueue, QueueItem } from '../store/types.js';

/**
 * The {@link KyxWorkQueue} of `redisStore`: per queue, one sorted set of pending ids scored by
 * the time they are due (a leased id is scored by the end of its lease, so an id whose holder
 * died is due again by itself), and one hash per id with its fields. Every operation is one Lua
 * script on the server's clock: `claim` takes due ids atomically, so each goes to one process.
 * User fields are stored as `f:<name>`; `_lease`, `_again` and `_done` are the queue's own.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** KEYS: due, item. ARGV: id, delayMs, max, n, k1, v1, …, m, k1, v1, … (m fields only if absent). */
const OFFER = `${NOW}
if redis.call('HEXISTS', KEYS[2], '_done') == 1 then return 'done' end
local id = ARGV[1]
local delay = tonumber(ARGV[2])
local due = now + delay
local score = redis.call('ZSCORE', KEYS[1], id)
if not score then
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 'full' end
  redis.call('DEL', KEYS[2])
  redis.call('ZADD', KEYS[1], due, id)
else
  score = tonumber(score)
  if redis.call('HEXISTS', KEYS[2], '_lease') == 1 and score > now then
    if delay <= 0 then redis.call('HSET', KEYS[2], '_again', '1') end
  elseif due < score then
    redis.call('ZADD', KEYS[1], due, id)
  end
end
local i = 4
local n = tonumber(ARGV[i])
for j = 1, n do redis.call('HSET', KEYS[2], 'f:' .. ARGV[i + 2 * j - 1], ARGV[i + 2 * j]) end
i = i + 2 * n + 1
local m = tonumber(ARGV[i])
for j = 1, m do redis.call('HSETNX', KEYS[2], 'f:' .. ARGV[i + 2 * j - 1], ARGV[i + 2 * j]) end
return 'queued'`;

/** KEYS: due. ARGV: count, leaseMs, item key prefix, token prefix. */
const CLAIM = `${NOW}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local out = {}
for i, id in ipairs(ids) do
  local key = ARGV[3] .. id
  local token = ARGV[4] .. ':' .. i
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), id)
  redis.call('HSET', key, '_lease', token)
  redis.call('HDEL', key, '_again')
  redis.call('HINCRBY', key, '_claims', 1)
  out[#out + 1] = id
  out[#out + 1] = token
  out[#out + 1] = redis.call('HGETALL', key)
end
return out`;

/** KEYS: due, item. ARGV: id, token, leaseMs. */
const RENEW = `${NOW}
if redis.call('HGET', KEYS[2], '_lease') ~= ARGV[2] or not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
return 1`;

/** KEYS: due, item. ARGV: id, token, mode (drop | done | delay), ms, n, k1, v1, … */
const SETTLE = `${NOW}
if redis.call('HGET', KEYS[2], '_lease') ~= ARGV[2] or not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local mode = ARGV[3]
local ms = tonumber(ARGV[4])
if mode == 'drop' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
elseif mode == 'done' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[2], '_done', '1')
  redis.call('PEXPIRE', KEYS[2], math.max(1, ms))
else
  local n = tonumber(ARGV[5])
  for j = 1, n do redis.call('HSET', KEYS[2], 'f:' .. ARGV[4 + 2 * j], ARGV[5 + 2 * j]) end
  if redis.call('HEXISTS', KEYS[2], '_again') == 1 then ms = 0 end
  redis.call('HDEL', KEYS[2], '_lease', '_again')
  redis.call('ZADD', KEYS[1], now + ms, ARGV[1])
end
return 1`;

/** KEYS: due. */
const NEXT = `${NOW}
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return -1 end
local wait = tonumber(first[2]) - now
if wait < 0 then wait = 0 end
return wait`;

const SCRIPTS = { offer: OFFER, claim: CLAIM, renew: RENEW, settle: SETTLE, next: NEXT } as const;

const flat = (fields: Readonly<Record<string, string>> | undefined): string[] => {
  const entries = Object.entries(fields ?? {});
  return [String(entries.length), ...entries.flatMap(([k, v]) => [k, String(v)])];
};
const ms = (value: number) => String(Math.max(0, Math.ceil(value)));

/**
 * The work queue on Redis, over `send` (one raw command of a node-redis client) and the store's
 * key `prefix`.
 */
export function redisQueue(send: (args: string[]) => Promise<unknown>, prefix: string): KyxWorkQueue {
  const shas = new Map<keyof typeof SCRIPTS, string>();
  const due = (queue: string) => `${prefix}q:${queue}:due`;
  const items = (queue: string) => `${prefix}q:${queue}:i:`;

  async function script(name: keyof typeof SCRIPTS, keys: string[], args: string[]): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      let sha = shas.get(name);
      if (sha === undefined) {
        sha = String(await send(['SCRIPT', 'LOAD', SCRIPTS[name]]));
        shas.set(name, sha);
      }
      try {
        return await send(['EVALSHA', sha, String(keys.length), ...keys, ...args]);
      } catch (error) {
        // the server lost its script cache (restart, SCRIPT FLUSH, failover): load it again once
        if (attempt > 0 || !String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
        shas.delete(name);
      }
    }
  }

  return {
    async offer(queue, id, update) {
      const args = [id, ms(update.delayMs), String(update.max), ...flat(update.fields), ...flat(update.fieldsIfAbsent)];
      return String(await script('offer', [due(queue), items(queue) + id], args)) as 'queued' | 'done' | 'full';
    },
    async claim(queue, count, leaseMs) {
      const reply = (await script(
        'claim',
        [due(queue)],
        [String(count), ms(leaseMs), items(queue), globalThis.crypto.randomUUID()],
      )) as unknown[];
      const out: QueueItem[] = [];
      for (let i = 0; i + 2 < reply.length; i += 3) {
        const raw = reply[i + 2] as unknown[];
        const fields: Record<string, string> = {};
        let claims = 1;
        for (let j = 0; j + 1 < raw.length; j += 2) {
          const key = String(raw[j]);
          if (key.startsWith('f:')) fields[key.slice(2)] = String(raw[j + 1]);
          else if (key === '_claims') claims = Number(raw[j + 1]);
        }
        out.push({ id: String(reply[i]), token: String(reply[i + 1]), claims, fields });
      }
      return out;
    },
    async renew(queue, id, token, leaseMs) {
      return Number(await script('renew', [due(queue), items(queue) + id], [id, token, ms(leaseMs)])) === 1;
    },
    async settle(queue, id, token, how) {
      const args =
        'drop' in how
          ? [id, token, 'drop', '0', '0']
          : 'done' in how
            ? [id, token, 'done', ms(how.keepMs), '0']
            : [id, token, 'delay', ms(how.delayMs), ...flat(how.fields)];
      return Number(await script('settle', [due(queue), items(queue) + id], args)) === 1;
    },
    async nextDueMs(queue) {
      const wait = Number(await script('next', [due(queue)], []));
      return wait < 0 ? undefined : wait;
    },
    async size(queue) {
      return Number(await send(['ZCARD', due(queue)]));
    },
  };
}
