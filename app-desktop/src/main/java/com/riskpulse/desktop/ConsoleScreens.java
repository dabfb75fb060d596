package com.riskpulse.desktop;

import com.riskpulse.desktop.alertqueue.AlertQueueView;
import com.riskpulse.desktop.audit.AuditView;
import com.riskpulse.desktop.config.ConfigurationView;
import com.riskpulse.desktop.dashboard.DashboardView;
import com.riskpulse.desktop.detail.AssessmentDetailView;
import com.riskpulse.desktop.explorer.RiskExplorerView;
import com.riskpulse.desktop.shell.MainWindow;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.statusbar.StatusBarView;
import com.riskpulse.desktop.users.UsersView;
import com.riskpulse.engine.auth.Permission;

import java.util.List;

/** The console's screens, in navigation order, with who may see them; and its status bar. */
final class ConsoleScreens {

    private ConsoleScreens() {
    }

    static List<MainWindow.Entry> entries() {
        return List.of(
                new MainWindow.Entry("dashboard", "Dashboard", Permission.READ_RISKS, true, DashboardView::new, null),
                new MainWindow.Entry("alerts", "Alert queue", Permission.READ_ALERTS, true, AlertQueueView::new,
                        (screen, id) -> ((AlertQueueView) screen).selectAlert(id)),
                new MainWindow.Entry("detail", "Assessment", Permission.READ_RISKS, false, AssessmentDetailView::new,
                        (screen, id) -> ((AssessmentDetailView) screen).show(id)),
                new MainWindow.Entry("explorer", "Risk explorer", Permission.READ_RISKS, true, RiskExplorerView::new, null),
                new MainWindow.Entry("config", "Configuration", Permission.CHANGE_CONFIG, true, ConfigurationView::new, null),
                new MainWindow.Entry("audit", "Audit", Permission.READ_AUDIT, true, AuditView::new, null),
                new MainWindow.Entry("users", "Users", Permission.MANAGE_USERS, true, UsersView::new, null));
    }

    static MainWindow.StatusBar statusBar(ScreenContext context) {
        return new StatusBarView(context);
    }
}
