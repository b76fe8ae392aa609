import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Layout, Menu, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Loaded } from '../routes/lazyPage.tsx';
import { useMe, useSession } from '../session/SessionContext.tsx';
import { hasJointReviewInbox, navigationFor } from './navigation.tsx';
import { usePendingJointReviewCount } from './selection/usePendingJointReviews.ts';
import { useIsMobile } from './useIsMobile.ts';

const SYSTEM_TITLE = '后备力量选育管用系统';

/** Side menu (a drawer below 768 px), header with the user and logout, and the page. */
export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const [isDrawerOpen, setDrawerOpen] = useState(false);

  const pendingJointReviews = usePendingJointReviewCount(hasJointReviewInbox(me));
  const items = navigationFor(me).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.isJointReviewInbox && pendingJointReviews ? <span>{item.label} <Badge count={pendingJointReviews} size="small" className="menu-count" /></span> : item.label,
  }));
  const selected = items.find((item) => item.key !== '/' && location.pathname.startsWith(item.key))?.key ?? (location.pathname === '/' ? '/' : '');
  const firstRole = me.roles[0];

  const menu = (theme: 'dark' | 'light') => (
    <Menu
      theme={theme}
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider width={208} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <div className="sider-brand">{SYSTEM_TITLE}</div>
          {menu('dark')}
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          title={SYSTEM_TITLE}
          placement="left"
          rootClassName="nav-drawer"
          size={240}
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          {menu('light')}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          {isMobile && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />}
          <span className="app-title">{isMobile ? SYSTEM_TITLE : ''}</span>
          <div className="user-info">
            <UserOutlined />
            <span className="user-name">{me.displayName}</span>
            {firstRole && <Tag className="user-role" color="red">{firstRole.roleLabel}{me.roles.length > 1 ? ` 等 ${me.roles.length} 个角色` : ''}</Tag>}
            {firstRole && <span className="user-unit" title={firstRole.orgName}>{firstRole.orgName}</span>}
            <Tooltip title="修改密码">
              <Button icon={<KeyOutlined />} aria-label="修改密码" onClick={() => void navigate('/change-password')} />
            </Tooltip>
            <Tooltip title="退出登录">
              <Button
                icon={<LogoutOutlined />}
                aria-label="退出登录"
                onClick={() => {
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                {isMobile ? '' : '退出'}
              </Button>
            </Tooltip>
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Loaded><Outlet /></Loaded>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
