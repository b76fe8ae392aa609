import { Button, Drawer, Form, Space } from 'antd';
import { useEffect } from 'react';
import { peopleApi } from '../api/people.ts';
import type { Person, UpdatePersonInput } from '../api/types.ts';
import { FormErrorAlert } from './FormErrorAlert.tsx';
import { fromPerson, PersonFormFields, toPersonInput, type PersonFormValues } from './PersonFormFields.tsx';
import { useIsMobile } from './useIsMobile.ts';
import { useSaveMutation } from '../state/useSaveMutation.ts';
import { isVersionConflict } from './useShowError.ts';

interface Props {
  person: Person | null;
  open: boolean;
  onClose: () => void;
  /** The saved person, or null after a version conflict (the caller reloads). */
  onSaved: (person: Person | null) => void;
}

/** 编辑: the person file in a drawer; sends the version read, so a concurrent edit is refused, not overwritten. */
export function PersonEditDrawer({ person, open, onClose, onSaved }: Props) {
  const isMobile = useIsMobile();
  const [form] = Form.useForm<PersonFormValues>();
  const mutation = useSaveMutation<PersonFormValues, Person>({
    form,
    save: (values) => {
      const { idNumber, ...rest } = toPersonInput(values, { keepBlankSensitive: true, withHistories: true });
      const input: UpdatePersonInput = { ...rest, ...(idNumber ? { idNumber } : {}), version: person!.version };
      return peopleApi.update(person!.id, input);
    },
    onSaved,
    onConflict: () => onSaved(null),
  });
  const { clearError } = mutation;

  useEffect(() => {
    if (!open || !person) return;
    form.resetFields();
    clearError();
    form.setFieldsValue(fromPerson(person));
  }, [open, person, form, clearError]);

  return (
    <Drawer
      title={`编辑人员档案：${person?.name ?? ''}`}
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 820}
      forceRender
      maskClosable={false}
      className="person-edit-drawer"
      footer={(
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={mutation.isSaving} onClick={() => form.submit()}>保存</Button>
        </Space>
      )}
    >
      <FormErrorAlert error={isVersionConflict(mutation.error) ? null : mutation.error} onClose={clearError} />
      <Form<PersonFormValues> form={form} layout="vertical" onFinish={mutation.submit} scrollToFirstError>
        {person && <PersonFormFields form={form} existing={person} withHistories />}
      </Form>
    </Drawer>
  );
}
