import {
  type ClientOptions,
  FORBIDDEN_REFERENCE_CONTROLS,
  type KyxHttpError,
  type KyxRedirectError,
  type RedactedError,
  type ResponseLimits,
} from 'jumio-kyx';
import type { SimulatorFault, StartSimulatorOptions } from 'jumio-kyx/simulator';
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';

const base = { region: 'amer-1', credentials: { clientId: 'a', clientSecret: 'b' }, userAgent: 'A/1' } as const;

// maxResponseBytes: numbers per kind of body, both optional
expectAssignable<ClientOptions>({ ...base, maxResponseBytes: { json: 2_000_000 } });
expectAssignable<ClientOptions>({ ...base, maxResponseBytes: {} });
expectNotAssignable<ClientOptions>({ ...base, maxResponseBytes: { json: '1mb' } });
expectNotAssignable<ResponseLimits>({ jsonBytes: 1 });

// KyxRedirectError is a KyxHttpError with the target's origin
declare const redirect: KyxRedirectError;
expectAssignable<KyxHttpError>(redirect);
expectType<string | undefined>(redirect.location);

// RedactedError keeps the original only behind unredacted()
declare const redacted: RedactedError;
expectType<unknown>(redacted.unredacted());
expectType<string | undefined>(redacted.code);
expectError(redacted.raw);

expectType<readonly (readonly [number, number])[]>(FORBIDDEN_REFERENCE_CONTROLS);

// simulator: expose and publicUrl; the new body faults
expectAssignable<StartSimulatorOptions>({ host: '0.0.0.0', expose: true, publicUrl: 'https://sim.example' });
expectNotAssignable<StartSimulatorOptions>({ expose: 'yes' });
expectAssignable<SimulatorFault>({ body: 'oversized' });
expectAssignable<SimulatorFault>({ body: 'stalled' });
expectNotAssignable<SimulatorFault>({ body: 'huge' });
