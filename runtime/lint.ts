/**
 * Warnings about policies that work but are risky. The documentation's warning: a service
 * principal granted without SourceArn or SourceAccount lets any account's resources of that
 * service invoke the function (the confused deputy).
 */
import { isServicePrincipal } from './principal.js';

export interface LintWarning {
  statementId: string;
  code: 'service-principal-without-source';
  message: string;
}

export interface LintedStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount']);
// Alexa services cannot send a source ARN or account; the skill or smart-home token
// (EventSourceToken) is what ties the grant to one caller there.
const ALEXA_SOURCE_KEY = 'lambda:eventsourcetoken';

export interface LintedPolicy {
  Statement: LintedStatement | LintedStatement[];
}

export function lintPolicy(policy: LintedPolicy | string): LintWarning[] {
  const document = typeof policy === 'string' ? JSON.parse(policy) : policy;
  const statements: LintedStatement[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements.flatMap((statement, index) => lintStatement(statement, index));
}

export function lintStatement(statement: LintedStatement, index = 0): LintWarning[] {
  if (statement.Effect !== 'Allow' || !isServicePrincipal(statement.Principal)) return [];
  const services = ([] as string[]).concat(statement.Principal.Service);
  const keys = new Set(
    Object.values(statement.Condition ?? {}).flatMap((entries) => Object.keys(entries).map((key) => key.toLowerCase())),
  );
  const restricted = [...SOURCE_KEYS].some((key) => keys.has(key));
  const alexaRestricted = services.every((service) => service.endsWith('.amazon.com')) && keys.has(ALEXA_SOURCE_KEY);
  if (restricted || alexaRestricted) return [];
  const statementId = statement.Sid ?? `#${index}`;
  return [
    {
      statementId,
      code: 'service-principal-without-source',
      message: `Statement ${statementId} grants ${services.join(', ')} without SourceArn or SourceAccount: resources of that service in any account could invoke the function.`,
    },
  ];
}
