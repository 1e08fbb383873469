import type { PreparedData } from '../../src/index.js';

/** Prepared data that meets every catalog workflow's rules (each key at its documented format). */
export const SAMPLE_PREPARED_DATA = {
  firstName: 'ALEX',
  lastName: 'ROSSI',
  sex: 'M',
  dateOfBirth: '1972-11-16',
  email: 'alex.rossi@example.com',
  phoneNumber: '+15031234567',
  ipAddress: '192.0.2.10',
  personalNumber: '12345678909',
  id: { idNumber: 'D1234567', type: 'DRIVING_LICENSE' },
  address: { line1: '1 MAIN ST', city: 'PORTLAND', postalCode: '97201', subdivision: 'OR', country: 'USA' },
} as const satisfies PreparedData;
