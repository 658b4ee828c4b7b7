import { useState } from 'react';
import type { FeedbackCreated } from '@gongkai/shared';
import { newIdempotencyKey, submitFeedback } from '../../../services/feedback';
import { askConsent } from '../../../services/follows';
import { toApiError } from '../../../services/request';
import { zh } from '../../../i18n/zh';
import { validate, type FieldErrors, type FormDraft, type FormSubject } from './model';

/** Where a submission stands. */
export type SubmitState =
  | { status: 'editing' }
  | { status: 'sending' }
  | { status: 'failed'; message: string }
  | { status: 'done'; created: FeedbackCreated };

/**
 * Submitting the form: validate with the shared schema, ask (weapp, in the tap) for consent to the answer
 * message, then `POST /api/v1/feedback` with the draft's Idempotency-Key — retried on weak networks with the
 * same key, and again with the same key when the resident taps 重新提交. The draft (and so everything typed)
 * is cleared only once the server accepted it. A 409 means this key already made a submission with other
 * content (the first try arrived, its answer was lost, then the text was edited): the key is renewed so the
 * next submit is a new one, and the resident is pointed to 我的留言.
 */
export function useSubmit(draft: FormDraft, subject: FormSubject, update: (d: FormDraft) => void, clear: () => void) {
  const [state, setState] = useState<SubmitState>({ status: 'editing' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = () => {
    if (state.status === 'sending') return;
    const v = validate(draft, subject);
    if (!v.ok) {
      setErrors(v.errors);
      setState({ status: 'failed', message: zh.form.fixErrors });
      return;
    }
    setErrors({});
    const consent = askConsent(['answer']); // synchronously in the tap (weapp); never blocks the submission
    setState({ status: 'sending' });
    void (async () => {
      await consent;
      try {
        const created = await submitFeedback(v.body, draft.key);
        clear();
        setState({ status: 'done', created });
      } catch (e) {
        const err = toApiError(e);
        if (err.code === 'CONFLICT') update({ ...draft, key: newIdempotencyKey() });
        if (err.code === 'VALIDATION_FAILED') setErrors({ form: err.message });
        setState({ status: 'failed', message: err.code === 'CONFLICT' ? zh.form.conflict : zh.form.failed(err.message) });
      }
    })();
  };

  return { state, errors, submit, setErrors };
}
