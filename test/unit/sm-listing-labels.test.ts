import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import { applyLabelChanges, parseLabelChanges, parseLabelsForCreate } from '../../main/core/sm/listing';
import type { Labels } from '../../main/core/sm/model';

function badRequestOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).error).toBe('BadRequest');
    return (error as ApiError).description;
  }
  throw new Error('expected a BadRequest');
}

describe('applyLabelChanges', () => {
  const labels: Labels = { env: ['dev'], team: ['a', 'b'] };

  it('adds a new key, or the missing values of an existing key, once each', () => {
    expect(applyLabelChanges(labels, [{ op: 'add', key: 'region', values: ['eu', 'eu', 'us'] }])).toEqual({
      ...labels,
      region: ['eu', 'us'],
    });
    expect(applyLabelChanges(labels, [{ op: 'add', key: 'env', values: ['dev', 'test'] }])).toEqual({
      ...labels,
      env: ['dev', 'test'],
    });
  });

  it('treats add_values like add, creating a missing key as Peripli does', () => {
    expect(applyLabelChanges(labels, [{ op: 'add_values', key: 'env', values: ['qa'] }]).env).toEqual([
      'dev',
      'qa',
    ]);
    expect(applyLabelChanges(labels, [{ op: 'add_values', key: 'new', values: ['x'] }]).new).toEqual(['x']);
  });

  it('removes a whole key with remove, ignoring any values given', () => {
    expect(applyLabelChanges(labels, [{ op: 'remove', key: 'team' }])).toEqual({ env: ['dev'] });
    expect(applyLabelChanges(labels, [{ op: 'remove', key: 'team', values: ['a'] }])).toEqual({
      env: ['dev'],
    });
    expect(applyLabelChanges(labels, [{ op: 'remove', key: 'absent' }])).toEqual(labels);
  });

  it('removes listed values with remove_values and the key once empty', () => {
    expect(applyLabelChanges(labels, [{ op: 'remove_values', key: 'team', values: ['a', 'zzz'] }])).toEqual({
      env: ['dev'],
      team: ['b'],
    });
    expect(applyLabelChanges(labels, [{ op: 'remove_values', key: 'team', values: ['a', 'b'] }])).toEqual({
      env: ['dev'],
    });
    expect(applyLabelChanges(labels, [{ op: 'remove_values', key: 'absent', values: ['a'] }])).toEqual(
      labels,
    );
  });

  it('applies changes in order and leaves the input untouched', () => {
    const input: Labels = { env: ['dev'] };
    const result = applyLabelChanges(input, [
      { op: 'add', key: 'env', values: ['prod'] },
      { op: 'remove_values', key: 'env', values: ['dev'] },
      { op: 'add', key: 'tmp', values: ['1'] },
      { op: 'remove', key: 'tmp' },
    ]);
    expect(result).toEqual({ env: ['prod'] });
    expect(input).toEqual({ env: ['dev'] });
  });

  it('changes nothing for absent or empty changes', () => {
    expect(applyLabelChanges(labels, undefined)).toEqual(labels);
    expect(applyLabelChanges(labels, [])).toEqual(labels);
  });

  it('handles keys that are Object.prototype names', () => {
    expect(applyLabelChanges({}, [{ op: 'add', key: 'constructor', values: ['x'] }])).toEqual({
      constructor: ['x'],
    });
    expect(applyLabelChanges({}, [{ op: 'remove_values', key: 'toString', values: ['x'] }])).toEqual({});
  });
});

describe('parseLabelChanges errors', () => {
  it.each([
    [{ op: 'add', key: 'k', values: ['v'] }, 'labels: Invalid input: expected array, received object'],
    [
      [{ op: 'replace', key: 'k', values: ['v'] }],
      'labels[0].op: op must be one of add, add_values, remove, remove_values',
    ],
    [[{ key: 'k', values: ['v'] }], 'labels[0].op: op must be one of add, add_values, remove, remove_values'],
    [
      [{ op: 'add', key: '', values: ['v'] }],
      'labels[0].key: label keys must be non-empty and contain no whitespace',
    ],
    [
      [{ op: 'add', key: 'a b', values: ['v'] }],
      'labels[0].key: label keys must be non-empty and contain no whitespace',
    ],
    [
      [{ op: 'add', key: 'a\nb', values: ['v'] }],
      'labels[0].key: label keys must be non-empty and contain no whitespace',
    ],
    [[{ op: 'add', values: ['v'] }], 'labels[0].key: Invalid input: expected string, received undefined'],
    [[{ op: 'add', key: 'k' }], 'labels[0].values: op "add" needs a non-empty values array'],
    [
      [{ op: 'add_values', key: 'k', values: [] }],
      'labels[0].values: op "add_values" needs a non-empty values array',
    ],
    [
      [{ op: 'remove_values', key: 'k' }],
      'labels[0].values: op "remove_values" needs a non-empty values array',
    ],
    [
      [{ op: 'add', key: 'k', values: 'v' }],
      'labels[0].values: Invalid input: expected array, received string',
    ],
    [
      [{ op: 'add', key: 'k', values: ['ok', 3] }],
      'labels[0].values[1]: Invalid input: expected string, received number',
    ],
    [
      [{ op: 'add', key: 'k', values: ['a\nb'] }],
      'labels[0].values[0]: label values must not contain line breaks',
    ],
    [
      [{ op: 'add', key: 'k', value: ['v'] }],
      'labels[0]: Unrecognized key: "value"; labels[0].values: op "add" needs a non-empty values array',
    ],
    [
      [
        { op: 'add', key: 'k', values: ['v'] },
        { op: 'nope', key: ' ' },
      ],
      'labels[1].op: op must be one of add, add_values, remove, remove_values; labels[1].key: label keys must be non-empty and contain no whitespace',
    ],
  ])('%j', (changes, message) => {
    expect(badRequestOf(() => parseLabelChanges(changes))).toBe(message);
    expect(badRequestOf(() => applyLabelChanges({}, changes))).toBe(message);
  });
});

describe('parseLabelsForCreate', () => {
  it('accepts a {key: [values]} object, keeping repeated values once', () => {
    expect(parseLabelsForCreate({ env: ['dev', 'dev', 'qa'], 'sap.com/x': ['1'] })).toEqual({
      env: ['dev', 'qa'],
      'sap.com/x': ['1'],
    });
    expect(parseLabelsForCreate(undefined)).toEqual({});
    expect(parseLabelsForCreate({})).toEqual({});
  });

  it.each([
    [['env'], 'labels: Invalid input: expected record, received array'],
    [null, 'labels: Invalid input: expected record, received null'],
    [{ env: 'dev' }, 'labels.env: Invalid input: expected array, received string'],
    [{ env: [] }, 'labels.env: a label needs at least one value'],
    [{ env: [1] }, 'labels.env[0]: Invalid input: expected string, received number'],
    [{ env: ['a\r\nb'] }, 'labels.env[0]: label values must not contain line breaks'],
    [{ 'my key': ['v'] }, 'labels["my key"]: label keys must be non-empty and contain no whitespace'],
    [JSON.parse('{"__proto__":["x"],"ok":["y"]}'), 'labels.__proto__: "__proto__" cannot be a label key'],
    [{ '': ['v'] }, 'labels[""]: label keys must be non-empty and contain no whitespace'],
  ])('%j', (input, message) => {
    expect(badRequestOf(() => parseLabelsForCreate(input))).toBe(message);
  });
});
