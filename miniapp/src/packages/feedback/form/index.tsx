import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { FEEDBACK_DELIVERY_LABELS, FEEDBACK_DELIVERY_METHODS, FEEDBACK_LIMITS, FEEDBACK_TYPES, type FeedbackType } from '@gongkai/shared';
import Choice from '../../../components/Choice';
import PageShell from '../../../components/PageShell';
import { loadDisclosure } from '../../../services/disclosures';
import { useDraft } from '../../../services/drafts';
import { newIdempotencyKey } from '../../../services/feedback';
import { useSession } from '../../../services/session';
import { useVillages } from '../../../stores/villages';
import { FEEDBACK_DETAIL_URL, PICKER_URL, withQuery } from '../../../routes';
import { formatDate } from '../../../utils/format';
import { zh } from '../../../i18n/zh';
import ImagePicker from './ImagePicker';
import { emptyDraft, type FormDraft, type FormSubject } from './model';
import { useSubmit } from './useSubmit';
import './index.css';
import { BUTTON } from '../../../components/a11y';

/** A field's message under it (role=alert so screen readers hear it when it appears). */
function FieldError({ text }: { text?: string }) {
  return text ? (
    <View className='gk-error field-error' role='alert'>
      {text}
    </View>
  ) : null;
}

/**
 * 我要提问 / 意见建议 / 依申请公开 (`?type=&disclosureId=&catalogueItemId=&region=`): one form for the three
 * types, validated with the shared schema's Chinese messages; images; the public/private choice with a
 * warning against personal details in public questions; idempotent submit with retries. Everything typed is
 * a draft in storage (per subject) until the server accepted it, so nothing is lost on a failure.
 */
export default function FeedbackForm() {
  const { params } = useRouter();
  const session = useSession();
  const village = useVillages()[0];
  const type = (FEEDBACK_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as FeedbackType) : 'question';
  const subject: FormSubject = { regionCode: params.region || village?.code || '', disclosureId: params.disclosureId || undefined, catalogueItemId: params.catalogueItemId || undefined };
  const initial = useMemo(() => emptyDraft(type, newIdempotencyKey()), [type]);
  const [draft, update, clear] = useDraft<FormDraft>(`feedback:${subject.disclosureId ?? subject.catalogueItemId ?? subject.regionCode}`, initial);
  const { state, errors, submit } = useSubmit(draft, subject, update, clear);
  const [about, setAbout] = useState<string | null>(null);
  const set = (patch: Partial<FormDraft>) => update({ ...draft, ...patch });

  useEffect(() => {
    if (subject.disclosureId) loadDisclosure(subject.disclosureId).then((r) => setAbout(r.data.title), () => setAbout(null));
  }, [subject.disclosureId]);

  if (session.status === 'unavailable') {
    return (
      <PageShell className='feedback-form'>
        <Text className='gk-muted'>{zh.form.readOnly}</Text>
      </PageShell>
    );
  }
  if (!subject.regionCode) {
    return (
      <PageShell className='feedback-form'>
        <Text className='gk-muted'>{zh.form.noVillage}</Text>
        <Button {...BUTTON} className='gk-button gk-button--primary' onClick={() => void Taro.navigateTo({ url: PICKER_URL })}>
          {zh.home.pickVillage}
        </Button>
      </PageShell>
    );
  }
  if (state.status === 'done') {
    return (
      <PageShell className='feedback-form'>
        <View className='gk-card form-done' role='status'>
          <Text className='form-done__title'>✓ {zh.form.doneHeading}</Text>
          <Text className='form-done__line'>{zh.form.trackingNo(state.created.trackingNo)}</Text>
          <Text className='form-done__line'>{zh.form.due(formatDate(state.created.dueAt))}</Text>
        </View>
        <Button {...BUTTON} className='gk-button gk-button--primary form-submit' onClick={() => void Taro.redirectTo({ url: withQuery(FEEDBACK_DETAIL_URL, { id: state.created.id }) })}>
          {zh.form.viewMine}
        </Button>
        <Button {...BUTTON} className='gk-button form-submit' onClick={() => void Taro.navigateBack()}>
          {zh.form.back}
        </Button>
      </PageShell>
    );
  }

  const d = draft;
  const typeOptions = FEEDBACK_TYPES.map((t) => ({ value: t, label: zh.form.types[t], hint: zh.form.typeHints[t] }));
  return (
    <PageShell className='feedback-form'>
      {about && <Text className='form-about'>{zh.form.about(about)}</Text>}
      <Text className='form-label'>{zh.form.typeHeading}</Text>
      <Choice label={zh.form.typeHeading} options={typeOptions} value={d.type} onChange={(t) => set({ type: t })} vertical testId='type' />

      <Text className='form-label'>{zh.form.contentLabel[d.type]}</Text>
      <View className='form-textarea-box'>
        <Textarea
          className='form-textarea'
        value={d.content}
          maxlength={FEEDBACK_LIMITS.content}
          placeholder={zh.form.contentPlaceholder}
          nativeProps={{ 'aria-label': zh.form.contentLabel[d.type] }}
          onInput={(e) => set({ content: e.detail.value })}
        />
      </View>
      <Text className='gk-muted form-counter'>{zh.form.counter(d.content.length, FEEDBACK_LIMITS.content)}</Text>
      <FieldError text={errors.content} />

      {d.type === 'request' && (
        <View className='form-request' data-testid='request-fields'>
          <Text className='form-label'>{zh.form.purposeLabel}</Text>
          <Input className='form-input' value={d.purpose} maxlength={FEEDBACK_LIMITS.purpose} placeholder={zh.form.purposePlaceholder} nativeProps={{ 'aria-label': zh.form.purposeLabel }} onInput={(e) => set({ purpose: e.detail.value })} />
          <FieldError text={errors.purpose} />
          <Text className='form-label'>{zh.form.deliveryLabel}</Text>
          <Choice
            label={zh.form.deliveryLabel}
            options={FEEDBACK_DELIVERY_METHODS.map((m) => ({ value: m, label: FEEDBACK_DELIVERY_LABELS[m] }))}
            value={d.delivery || null}
            onChange={(m) => set({ delivery: m })}
            vertical
            testId='delivery'
          />
          <FieldError text={errors.delivery} />
          {(d.delivery === 'post' || d.delivery === 'email') && (
            <>
              <Text className='form-label'>{zh.form.addressLabel[d.delivery]}</Text>
              <Input className='form-input' value={d.address} maxlength={FEEDBACK_LIMITS.address} nativeProps={{ 'aria-label': zh.form.addressLabel[d.delivery] }} onInput={(e) => set({ address: e.detail.value })} />
              <FieldError text={errors.address} />
            </>
          )}
        </View>
      )}

      <Text className='form-label'>{zh.form.publicHeading}</Text>
      <Choice
        label={zh.form.publicHeading}
        options={[
          { value: 'yes', label: zh.form.publicYes },
          { value: 'no', label: zh.form.publicNo },
        ]}
        value={d.public === null ? null : d.public ? 'yes' : 'no'}
        onChange={(v) => set({ public: v === 'yes' })}
        testId='public'
      />
      <Text className='gk-muted form-hint'>{zh.form.publicHint}</Text>
      <View className='form-warning' role='note'>
        <Text className='form-warning__icon' aria-hidden='true'>
          !
        </Text>
        <Text className='form-warning__text'>{zh.form.publicWarning}</Text>
      </View>
      <FieldError text={errors.public} />

      <Text className='form-label'>{zh.form.contactLabel}</Text>
      <Input className='form-input' type='number' value={d.contact} maxlength={20} placeholder={zh.form.contactPlaceholder} nativeProps={{ 'aria-label': zh.form.contactLabel }} onInput={(e) => set({ contact: e.detail.value })} />
      <FieldError text={errors.contact} />

      <ImagePicker images={d.images} onChange={(images) => set({ images })} />
      <FieldError text={errors.images ?? errors.form} />

      {state.status === 'failed' && (
        <View className='form-failed' role='alert'>
          {state.message}
        </View>
      )}
      <Button {...BUTTON} className='gk-button gk-button--primary form-submit' aria-disabled={state.status === 'sending' ? 'true' : undefined} onClick={submit}>
        {state.status === 'sending' ? zh.form.submitting : state.status === 'failed' && !Object.keys(errors).length ? zh.form.retry : zh.form.submit}
      </Button>
    </PageShell>
  );
}
