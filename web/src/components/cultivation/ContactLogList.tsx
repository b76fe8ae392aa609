import { App, Button, Empty, Popconfirm, Space, Tag } from 'antd';
import { CONTACT_FORM_LABELS, mentoringApi, type MentorContact } from '../../api/cultivation.ts';
import { useShowError } from '../useShowError.ts';
import { EntryNote } from './EntryNote.tsx';

/** Monthly contact logs as cards (readable on a phone), newest first, with edit and delete where allowed. */
export function ContactLogList({ contacts, onEdit, onChanged, showReserve = false }: {
  contacts: readonly MentorContact[];
  onEdit?: (contact: MentorContact) => void;
  onChanged?: () => void;
  showReserve?: boolean;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  if (contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无帮带记录" />;
  const remove = async (contact: MentorContact) => {
    try {
      await mentoringApi.removeContact(contact.id, contact.version);
      void message.success('已删除帮带记录');
      onChanged?.();
    } catch (error) {
      showError(error);
    }
  };
  const sorted = [...contacts].sort((a, b) => b.contactedOn.localeCompare(a.contactedOn));
  return (
    <div className="contact-logs">
      {sorted.map((contact) => (
        <div key={contact.id} className="contact-log" data-contact-id={contact.id}>
          <div className="contact-log-head">
            <span className="contact-log-date">{contact.contactedOn}</span>
            <Tag color="red">{CONTACT_FORM_LABELS[contact.form]}</Tag>
            {showReserve && <span>{contact.reserve.name}</span>}
            <span className="contact-log-by">导师 {contact.mentorName}</span>
          </div>
          <div className="step-meta"><EntryNote entry={contact} /></div>
          <dl>
            {contact.thoughts && <div><dt>思想动态</dt><dd>{contact.thoughts}</dd></div>}
            {contact.work && <div><dt>工作情况</dt><dd>{contact.work}</dd></div>}
            {contact.problems && <div><dt>存在问题</dt><dd>{contact.problems}</dd></div>}
            {contact.helpGiven && <div><dt>帮助措施</dt><dd>{contact.helpGiven}</dd></div>}
          </dl>
          {(contact.policies.update || contact.policies.delete) && (onEdit || onChanged) && (
            <div className="contact-log-actions">
              <Space>
                {contact.policies.update && onEdit && <Button size="small" onClick={() => onEdit(contact)}>修改</Button>}
                {contact.policies.delete && onChanged && (
                  <Popconfirm title="删除这条帮带记录？" okText="删除" cancelText="取消" onConfirm={() => remove(contact)}>
                    <Button size="small" danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
