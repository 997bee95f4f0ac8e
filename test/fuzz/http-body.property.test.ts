import { createHttpFuzz, HTTP_PROPERTY_NAMES } from './http-body.properties.ts';
import { describeProperties } from './property-suite.ts';

describeProperties('bad input: HTTP bodies (buildApp + inject, SQLite)', HTTP_PROPERTY_NAMES, () =>
  createHttpFuzz(),
);
