import { expectAssignable, expectError, expectType } from 'tsd';
import type * as v from 'valibot';
import type {
  CapabilityLabel,
  DeviceRiskVerificationData,
  EmailVerificationData,
  GeoIpVerificationData,
  GovtIdMatch,
  GovtIdVerificationData,
  KnownCapabilityName,
  PhoneVerificationData,
  WorkflowDetails,
} from '../dist/index.js';
import type {
  DeviceRiskVerificationDataSchema,
  EmailVerificationDataSchema,
  GeoIpVerificationDataSchema,
  GovtIdVerificationDataSchema,
  PhoneVerificationDataSchema,
} from '../dist/schemas.js';

// Risk-signal results, typed out: each signal's data as Jumio sends it, open label unions.
declare const details: WorkflowDetails;
const caps = details.capabilities;

// ---- data, typed per signal ---------------------------------------------------------------------
expectType<PhoneVerificationData | undefined>(caps?.phoneVerification?.[0]?.data);
expectType<string[] | undefined>(caps?.phoneVerification?.[0]?.data?.riskInsights?.relativeRisk);
expectType<boolean | undefined>(caps?.phoneVerification?.[0]?.data?.blocked);
expectType<EmailVerificationData | undefined>(caps?.emailVerification?.[0]?.data);
expectType<string | undefined>(caps?.emailVerification?.[0]?.data?.totalHits); // a string, as sent
expectType<GeoIpVerificationData | undefined>(caps?.geoIpVerification?.[0]?.data);
expectType<number | undefined>(caps?.geoIpVerification?.[0]?.data?.latitude); // a number in geo IP
expectType<DeviceRiskVerificationData | undefined>(caps?.deviceRiskVerification?.[0]?.data);
expectType<string | undefined>(caps?.deviceRiskVerification?.[0]?.data?.ipLocationLatitude); // a string in device risk
expectType<string[] | undefined>(caps?.deviceRiskVerification?.[0]?.data?.deviceAlerts);
expectType<GovtIdVerificationData | undefined>(caps?.govtIdVerification?.[0]?.data);
expectType<GovtIdMatch | undefined>(caps?.govtIdVerification?.[0]?.data?.nationalIdMatch);
// no index signature: a misspelt field does not compile
expectError(caps?.geoIpVerification?.[0]?.data?.latitdue);
expectError(caps?.emailVerification?.[0]?.data?.totalhits);
expectError(caps?.deviceRiskVerification?.[0]?.data?.ipLatitude);

// ---- open label unions: documented labels, and any newer string --------------------------------------
expectAssignable<CapabilityLabel<'phoneVerification'>>('HIGH_RISK');
expectAssignable<CapabilityLabel<'phoneVerification'>>('PERMISSION_DENIED');
expectAssignable<CapabilityLabel<'phoneVerification'>>('SOMETHING_NEW');
expectAssignable<CapabilityLabel<'govtIdVerification'>>('OK');
expectAssignable<CapabilityLabel<'proofOfResidency'>>('NOT_ENOUGH_DATA');
expectAssignable<CapabilityLabel<'biometricVerification'>>('TECHNICAL_ERROR');
expectAssignable<CapabilityLabel<'drivingLicenseVerification'>>('ALERT');
const label = caps?.phoneVerification?.[0]?.decision.details?.label;
expectType<CapabilityLabel<'phoneVerification'> | undefined>(label);
expectAssignable<GovtIdMatch>('PARTIAL_MATCH');
expectAssignable<GovtIdMatch>('SOME_NEW_MATCH');
expectAssignable<KnownCapabilityName>('deviceRiskVerification');
expectAssignable<KnownCapabilityName>('emailVerification');

// ---- each schema's output is its interface ---------------------------------------------------------
expectAssignable<PhoneVerificationData>({} as v.InferOutput<typeof PhoneVerificationDataSchema>);
expectAssignable<EmailVerificationData>({} as v.InferOutput<typeof EmailVerificationDataSchema>);
expectAssignable<GeoIpVerificationData>({} as v.InferOutput<typeof GeoIpVerificationDataSchema>);
expectAssignable<DeviceRiskVerificationData>({} as v.InferOutput<typeof DeviceRiskVerificationDataSchema>);
expectAssignable<GovtIdVerificationData>({} as v.InferOutput<typeof GovtIdVerificationDataSchema>);
