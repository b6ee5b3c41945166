/** The Principal element the service writes for the Principal string a caller sends. */
import { accountRootArn } from './arn.js';

export type PolicyPrincipal = '*' | { AWS: string } | { Service: string };

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:aws[a-zA-Z-]*:(?:iam|sts)::\d{12}:\S+$/;
// Service principals are DNS names under amazonaws.com (some regional, such as
// logs.us-east-1.amazonaws.com). The Alexa services are the ones under amazon.com: Alexa Skills
// Kit, and Alexa Smart Home, which is what EventSourceToken exists for.
const AWS_SERVICE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+amazonaws\.com$/;
const ALEXA_SERVICES: ReadonlySet<string> = new Set(['alexa-appkit.amazon.com', 'alexa-connectedhome.amazon.com']);

/** Undefined when the service would reject the principal. */
export function normalisePrincipal(principal: string, region: string): PolicyPrincipal | undefined {
  if (principal === '*') return '*';
  if (ACCOUNT_ID.test(principal)) return { AWS: accountRootArn(region, principal) };
  if (IAM_ARN.test(principal)) return { AWS: principal };
  if (AWS_SERVICE.test(principal) || ALEXA_SERVICES.has(principal)) return { Service: principal };
  return undefined;
}

export function isServicePrincipal(principal: unknown): principal is { Service: string | string[] } {
  return typeof principal === 'object' && principal !== null && 'Service' in principal;
}
