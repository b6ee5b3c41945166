// The model's JSON pointers, used by the diff to say where a finding is.
export * from '../model/pointer.js';
