import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { isVersionConflict, useShowError } from '../components/useShowError.ts';

export interface SaveOptions<TInput, TResult> {
  /** The request. */
  save: (input: TInput) => Promise<TResult>;
  /** After the server accepted it (the cache is already invalidated). */
  onSaved?: (result: TResult, input: TInput) => void;
  /** When someone else changed the record first (409; the cache is already invalidated). */
  onConflict?: () => void;
  /** The form whose fields get the server's field errors (`body.name` → field `name`). */
  form?: FormInstance;
  /** Show the error as a message too (default); forms also keep it in view with FormErrorAlert. */
  isToastShown?: boolean;
}

/** Puts each of the server's field errors on the form field it names, where that field exists. */
export function showFieldErrors(form: FormInstance, error: unknown): void {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return;
  const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.fieldErrors
    .map((fieldError) => ({ name: fieldError.path.replace(/^(body|query|params)\./, '').split('.'), message: fieldError.message }))
    .filter((field) => names.has(field.name[0] ?? ''))
    .map((field) => ({ name: field.name.map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [field.message] }));
  if (fields.length > 0) form.setFields(fields);
}

/**
 * The one way the client saves: the request's pending and error state live in the mutation,
 * the error is shown (message, field errors on the form, FormErrorAlert from `error`), a stale
 * edit (409) calls `onConflict`, and every query is invalidated after success.
 */
export function useSaveMutation<TInput, TResult>({ save, onSaved, onConflict, form, isToastShown = true }: SaveOptions<TInput, TResult>) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const mutation = useMutation<TResult, unknown, TInput>({
    mutationFn: save,
    onSuccess: (result, input) => {
      void queryClient.invalidateQueries();
      onSaved?.(result, input);
    },
    onError: (error) => {
      if (isToastShown) showError(error);
      if (form) showFieldErrors(form, error);
      if (isVersionConflict(error)) {
        // Someone saved first: what is on screen is stale.
        void queryClient.invalidateQueries();
        onConflict?.();
      }
    },
  });
  const { mutate, reset } = mutation;
  const submit = useCallback((input: TInput) => mutate(input), [mutate]);
  return { submit, isSaving: mutation.isPending, error: mutation.error, clearError: reset, result: mutation.data };
}
