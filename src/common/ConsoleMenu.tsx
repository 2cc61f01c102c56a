import VisibilityIcon from '@mui/icons-material/Visibility';
import { Menu, useCanAccess } from 'react-admin';

/** The menu: the two queues for everyone; dashboard, audit trail and quality reviews for supervisors. */
export function ConsoleMenu() {
    const { canAccess: supervisor } = useCanAccess({ resource: 'dashboard', action: 'list' });
    return (
        <Menu>
            {supervisor && <Menu.DashboardItem />}
            <Menu.ResourceItem name="verifications" />
            <Menu.ResourceItem name="cancellations" />
            {supervisor && <Menu.ResourceItem name="audit" />}
            {supervisor && <Menu.ResourceItem name="quality-reviews" />}
            {supervisor && <Menu.Item to="/who-looked" primaryText="app.access.title" leftIcon={<VisibilityIcon />} />}
        </Menu>
    );
}
