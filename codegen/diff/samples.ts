// Realistic example values, to show next to the shortest witness of a pattern change. The shortest
// value proves the difference; a value that looks like real input shows whom it affects.
//
// Candidates come from the documents themselves (inline code in descriptions, enum values,
// defaults and examples) and from a few identifier shapes common to AWS APIs, each also rewritten
// into the other AWS partitions and their regions, since partition support is what ARN patterns
// most often gain.

import type { Model } from './model.js';

const AWS_SHAPES = [
  '123456789012',
  's3.amazonaws.com',
  'arn:aws:s3:::example-bucket',
  'arn:aws:sns:us-east-1:123456789012:example-topic',
  'arn:aws:iam::123456789012:root',
];

const PARTITIONS: { partition: string; region: string }[] = [
  { partition: 'aws-cn', region: 'cn-north-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
  { partition: 'aws-iso', region: 'us-iso-east-1' },
];

const REGION = /\b[a-z]{2}-[a-z]+-\d\b/g;

/** Every partition variant of a value that contains an `arn:aws:` ARN or a region name. */
function partitionVariants(value: string): string[] {
  const variants: string[] = [];
  for (const { partition, region } of PARTITIONS) {
    const rewritten = value.replace(/\barn:aws:/g, `arn:${partition}:`).replace(REGION, region);
    if (rewritten !== value) variants.push(rewritten);
  }
  return variants;
}

function inlineCode(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
}

function collectFrom(node: unknown, into: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectFrom(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'description' || key === 'summary') && typeof value === 'string') into.push(...inlineCode(value));
    else if ((key === 'enum' || key === 'examples') && Array.isArray(value)) into.push(...value.filter((v): v is string => typeof v === 'string'));
    else if ((key === 'example' || key === 'default') && typeof value === 'string') into.push(value);
    else collectFrom(value, into);
  }
}

/** Candidate values in a fixed order: from the documents first, then common shapes, then variants. */
export function collectSamples(...models: Model[]): string[] {
  const fromDocuments: string[] = [];
  for (const model of models) collectFrom({ paths: model.document.paths, components: model.document.components }, fromDocuments);
  const base = [...fromDocuments, ...AWS_SHAPES];
  const all = [...base, ...base.flatMap(partitionVariants), ''];
  return [...new Set(all)];
}
