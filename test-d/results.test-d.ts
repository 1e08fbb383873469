import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import type { LiteralUnion } from 'type-fest';
import type * as v from 'valibot';
import {
  type CapabilityLabel,
  type CapabilityName,
  type CapabilityResult,
  type CapabilitySummary,
  capabilityResults,
  type DecisionType,
  type ExtractionData,
  type FinalizeResponse,
  type HealthStatus,
  type ImageChecksData,
  type LivenessData,
  type SimilarityData,
  type UploadResponse,
  type WatchlistScreeningData,
  type WorkflowDetails,
  type WorkflowSteps,
} from '../dist/index.js';
import type {
  CapabilityResultsSchema,
  ExtractionDataSchema,
  FinalizeResponseSchema,
  HealthStatusSchema,
  ImageChecksDataSchema,
  LivenessDataSchema,
  SimilarityDataSchema,
  UploadResponseSchema,
  WatchlistScreeningDataSchema,
  WorkflowStepsSchema,
} from '../dist/schemas.js';

declare const details: WorkflowDetails;

// The documented reads of typed capability results, with exactly those types.
const extraction = details.capabilities?.extraction?.[0];
expectType<CapabilityResult<'extraction'> | undefined>(extraction);
expectType<string | undefined>(extraction?.data?.firstName);
expectType<string | number | undefined>(extraction?.data?.currentAge);
expectType<string | number | undefined>(extraction?.data?.dateOfBirthParts?.year);
expectType<LiteralUnion<'MATCH' | 'NOT_MATCH' | 'NOT_POSSIBLE', string> | undefined>(
  details.capabilities?.similarity?.[0]?.data?.similarity,
);
expectType<number | undefined>(details.capabilities?.liveness?.[0]?.data?.predictedAge);
expectType<string | undefined>(details.capabilities?.liveness?.[0]?.validFaceMapForAuthentication);
expectType<string | undefined>(details.capabilities?.authentication?.[0]?.validFaceMapForAuthentication);
expectType<number | undefined>(details.capabilities?.watchlistScreening?.[0]?.data?.searchResults);
expectType<string[] | undefined>(details.capabilities?.imageChecks?.[0]?.data?.faceSearchFindings?.findings);
expectType<CapabilityResult[] | undefined>(details.capabilities?.['someFutureCapability']);
const label: CapabilityLabel<'usability'> = 'BLURRED';
expectAssignable<CapabilityLabel<'usability'>>(label);

// Named data interfaces: a misspelt field or a wrong type does not compile.
expectError(extraction?.data?.firstname);
expectError(details.capabilities?.liveness?.[0]?.data?.predictedage);
expectError(details.capabilities?.usability?.[0]?.validFaceMapForAuthentication);
expectNotAssignable<ExtractionData>({ currentAge: true });
expectNotAssignable<LivenessData>({ predictedAge: '41' });
expectNotAssignable<WatchlistScreeningData>({ searchResults: '3' });
expectNotAssignable<ImageChecksData>({ faceSearchFindings: { findings: 'x' } });
expectAssignable<ExtractionData>({ firstName: 'N/A', currentAge: '53', dateOfBirthParts: { year: '1971' } });
expectAssignable<ExtractionData>({ currentAge: 53, dateOfBirthParts: { year: 1971, month: 5 } });

// Labels and decision types: documented values are literal members, unknown strings still pass.
/** The literal members of an open union (what an editor offers). */
type Literals<T> = T extends unknown ? (string extends T ? never : T) : never;
type IsMember<L, U> = [L] extends [Literals<U>] ? true : false;
expectType<true>({} as IsMember<'BLURRED', CapabilityLabel<'usability'>>);
expectType<true>({} as IsMember<'MISMATCHING_DATA_REPEATED_FACE', CapabilityLabel<'dataChecks'>>);
expectType<true>({} as IsMember<'MISMATCH_HRZ_MRZ_DATA', CapabilityLabel<'dataChecks'>>);
expectType<true>({} as IsMember<'VALIDATION_FAILED', CapabilityLabel<'watchlistScreening'>>);
expectType<true>({} as IsMember<'REPEATED_FACE', CapabilityLabel<'imageChecks'>>);
expectType<false>({} as IsMember<'ALERT', CapabilityLabel<'usability'>>);
expectType<true>({} as IsMember<'ALERT', CapabilityLabel>); // any capability: every known label
expectType<false>({} as IsMember<'SOMETHING_NEW', CapabilityLabel<'usability'>>);
expectAssignable<CapabilityLabel<'usability'>>('SOMETHING_JUMIO_ADDS_LATER');
expectAssignable<CapabilityLabel<'usability'>>('' as string);
expectAssignable<DecisionType>('PASSED');
expectAssignable<DecisionType>('A_NEW_TYPE');
expectType<'NOT_EXECUTED' | 'PASSED'>({} as Literals<NonNullable<typeof extraction>['decision']['type']>);
expectType<'PASSED' | 'WARNING' | 'REJECTED' | 'NOT_EXECUTED'>({} as Literals<DecisionType>);
expectAssignable<CapabilityName>('usability');
expectAssignable<CapabilityName>('someFutureCapability');

// A typed result is still a CapabilityResult (functions taking any result accept it).
expectAssignable<CapabilityResult>({} as CapabilityResult<'extraction'>);
expectAssignable<CapabilityResult>({} as CapabilityResult<'liveness'>);
expectAssignable<CapabilityResult[]>(details.capabilities?.extraction ?? []);

// Steps decisions use DecisionType.
expectType<DecisionType | undefined>(({} as WorkflowSteps).steps[0]?.decision?.type);

// capabilityResults
expectType<CapabilitySummary[]>(capabilityResults(details));
expectType<DecisionType>(capabilityResults(details)[0]?.type ?? 'PASSED');

// Schema outputs are assignable to the interfaces.
expectAssignable<ExtractionData>({} as v.InferOutput<typeof ExtractionDataSchema>);
expectAssignable<LivenessData>({} as v.InferOutput<typeof LivenessDataSchema>);
expectAssignable<SimilarityData>({} as v.InferOutput<typeof SimilarityDataSchema>);
expectAssignable<WatchlistScreeningData>({} as v.InferOutput<typeof WatchlistScreeningDataSchema>);
expectAssignable<ImageChecksData>({} as v.InferOutput<typeof ImageChecksDataSchema>);
expectAssignable<NonNullable<WorkflowDetails['capabilities']>>({} as v.InferOutput<typeof CapabilityResultsSchema>);
expectAssignable<WorkflowSteps>({} as v.InferOutput<typeof WorkflowStepsSchema>);
expectAssignable<FinalizeResponse>({} as v.InferOutput<typeof FinalizeResponseSchema>);
expectAssignable<HealthStatus>({} as v.InferOutput<typeof HealthStatusSchema>);
expectAssignable<UploadResponse>({} as v.InferOutput<typeof UploadResponseSchema>);
