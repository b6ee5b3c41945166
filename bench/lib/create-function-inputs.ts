/**
 * CreateFunction inputs for the validator comparison and its tests, as the generated server hands
 * them to the validator (typed: nested structures, lists and maps; no blob, so that every validator
 * compared sees the same JSON values).
 */
type Input = Record<string, unknown>;

const ROLE = 'arn:aws:iam::123456789012:role/lambda-exec';

export const CREATE_FUNCTION_VALID: Input[] = [
  {
    FunctionName: 'image-resizer',
    Runtime: 'nodejs20.x',
    Role: ROLE,
    Handler: 'index.handler',
    Code: { S3Bucket: 'my-deploy-bucket', S3Key: 'builds/image-resizer.zip' },
    Description: 'Resizes uploaded images',
    Timeout: 30,
    MemorySize: 512,
    Publish: true,
    VpcConfig: { SubnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
    Environment: { Variables: { STAGE: 'prod', BUCKET: 'images', LOG_LEVEL: 'info' } },
    TracingConfig: { Mode: 'Active' },
    Tags: { team: 'media', cost: 'cc-42' },
    Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:sharp:3'],
    FileSystemConfigs: [{ Arn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0', LocalMountPath: '/mnt/cache' }],
    Architectures: ['arm64'],
    EphemeralStorage: { Size: 1024 },
    LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN', LogGroup: '/aws/lambda/image-resizer' },
  },
  {
    FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:reports',
    Role: ROLE,
    Code: { ImageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/reports:latest' },
    PackageType: 'Image',
    ImageConfig: { EntryPoint: ['/app/run'], Command: ['daily'], WorkingDirectory: '/app' },
    Timeout: 900,
    MemorySize: 2048,
    DeadLetterConfig: { TargetArn: 'arn:aws:sqs:eu-west-1:123456789012:reports-dlq' },
    SnapStart: { ApplyOn: 'None' },
    Architectures: ['x86_64'],
  },
  {
    FunctionName: 'tiny',
    Runtime: 'python3.12',
    Role: ROLE,
    Handler: 'app.main',
    Code: { S3Bucket: 'bucket-abc', S3Key: 'tiny.zip', S3ObjectVersion: '3' },
    Environment: { Variables: {} },
    KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
];

/** Several violations each, at different depths (the first is also asserted in the tests). */
export const CREATE_FUNCTION_INVALID: Input[] = [
  {
    ...CREATE_FUNCTION_VALID[0],
    Timeout: 0,
    Layers: [''],
    FileSystemConfigs: [{ Arn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0', LocalMountPath: '/data' }],
    EphemeralStorage: { Size: 20000 },
  },
  {
    ...CREATE_FUNCTION_VALID[1],
    Role: 'not-a-role',
    PackageType: 'Container',
    ImageConfig: { EntryPoint: ['/app/run'], WorkingDirectory: 'w'.repeat(1001) },
    Architectures: ['x86_64', 'arm64'],
  },
  {
    ...CREATE_FUNCTION_VALID[2],
    FunctionName: 'bad name!',
    Runtime: 'cobol85',
    MemorySize: 64,
    Code: { S3Bucket: 'ab', S3Key: 'tiny.zip' },
  },
];
