import type { ApiError } from '../../errors';
import { isObject } from '../../is-object';
import type { OsbAnswer } from './types';

export const errorAnswer = (status: number, error: string, description: string): OsbAnswer => ({
  status,
  body: { error, description },
});

export const apiErrorAnswer = (error: ApiError): OsbAnswer => ({
  status: error.status,
  body: error.toBody(),
});

export const descriptionOf = (answer: OsbAnswer): string | undefined => {
  const description = isObject(answer.body) ? answer.body.description : undefined;
  return typeof description === 'string' ? description : undefined;
};
