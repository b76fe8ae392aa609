import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useId, type ReactNode } from 'react';
import { useSaveMutation } from '../state/useSaveMutation.ts';
import { FormErrorAlert } from './FormErrorAlert.tsx';

export interface FormModalProps<TValues, TResult> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** The values the form starts with each time it opens. */
  initialValues?: Partial<TValues>;
  /** Sends the form's values; a rejected promise keeps the modal open with the server's message. */
  save: (values: TValues) => Promise<TResult>;
  /** After the server accepted the values (the modal does not close itself: the caller decides). */
  onSaved: (result: TResult, values: TValues) => void;
  onConflict?: () => void;
  okText?: string;
  width?: number | { xs: string; md: number };
  className?: string;
  formClassName?: string;
  /** Fields; a function receives the form, for fields that watch others. */
  children: ReactNode | ((form: FormInstance<TValues>) => ReactNode);
  /** Shown above the form (a summary of whom the form is about). */
  intro?: ReactNode;
  /** Disables saving (e.g. nothing chosen yet). */
  isSaveDisabled?: boolean;
  /** Long forms are not closed by a click beside them. */
  maskClosable?: boolean;
  /** The caller's form, when it watches fields (`Form.useWatch`) or fills them later; otherwise the modal makes its own. */
  form?: FormInstance<TValues>;
  /** Once given, shown instead of the form: a modal that stays open after saving to report the outcome, with one 关闭 button. */
  outcome?: ReactNode;
  /** A red OK button, for a step that turns something down. */
  isDanger?: boolean;
  /** The server's refusal also as a message (default); false keeps it only above the fields. */
  isToastShown?: boolean;
}

/**
 * The one modal with a form: reset to `initialValues` on every opening, the server's refusal kept
 * in view above the fields (and on the fields it names), the OK button spinning while saving.
 * With `outcome` it stays open after saving and shows the outcome in place of the form.
 */
export function FormModal<TValues extends object, TResult>({
  title, open, onClose, initialValues, save, onSaved, onConflict, okText = '保存', width, className, formClassName, children, intro, isSaveDisabled, maskClosable = true,
  form: givenForm, outcome, isDanger, isToastShown,
}: FormModalProps<TValues, TResult>) {
  const [form] = Form.useForm<TValues>(givenForm);
  // Modals are rendered before they open, several on a page: the form's name keeps its fields'
  // ids, and so each label's target, apart from another form's field of the same name.
  const formName = useId();
  const mutation = useSaveMutation<TValues, TResult>({ save, onSaved, onConflict, form, isToastShown });
  const { clearError } = mutation;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    clearError();
    // Only a new opening resets the form, not a re-render with new initial values while open.
  }, [open]);

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => (outcome ? onClose() : form.submit())}
      okText={outcome ? '关闭' : okText}
      cancelText="取消"
      cancelButtonProps={{ style: outcome ? { display: 'none' } : undefined }}
      confirmLoading={mutation.isSaving}
      okButtonProps={{ disabled: !outcome && isSaveDisabled, danger: !outcome && isDanger }}
      forceRender
      maskClosable={maskClosable}
      width={width ?? { xs: '95%', md: 640 }}
      className={className}
    >
      {outcome ?? (
        <>
          <FormErrorAlert error={mutation.error} onClose={clearError} />
          {intro}
          <Form<TValues> form={form} name={formName} layout="vertical" onFinish={mutation.submit} className={formClassName} scrollToFirstError>
            {typeof children === 'function' ? children(form) : children}
          </Form>
        </>
      )}
    </Modal>
  );
}
