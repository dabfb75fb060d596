package com.riskpulse.desktop.shell;

import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.RiskClient;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/**
 * The console's main window: navigation on the left (only the screens the user's role may use), the current screen
 * in the middle, the status bar at the bottom, notifications in the top right corner. Screens are built on first
 * visit and kept; it is also the {@link Navigator} every screen is given.
 */
public final class MainWindow implements Navigator, AutoCloseable {

    /**
     * One screen of the navigation.
     *
     * @param id         a short name, used for the navigation button's id ({@code nav-<id>})
     * @param permission what the user needs to see it at all, or null for everyone
     * @param inNav      false for screens reached only from others (the assessment detail)
     * @param opener     how {@link #showAssessment}/{@link #showAlert} open an object in this screen, or null
     */
    public record Entry(String id, String title, Permission permission, boolean inNav, Function<ScreenContext, Screen> factory,
                        ObjLongConsumer<Screen> opener) {
    }

    /** Builds the status bar over the same context (a separate component, not a screen). */
    public interface StatusBar {
        Parent root();

        void close();
    }

    /** Toasts on screen at once; older ones make way (all are kept in {@link #notificationsShown()}). */
    static final int MAX_TOASTS = 3;

    private final ScreenContext context;
    private final List<Entry> entries;
    private final Map<String, Screen> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final VBox notifications = new VBox(6);
    private final BorderPane root = new BorderPane();
    private final StatusBar statusBar;
    private final Runnable onLogout;
    private final List<String> shownNotifications = new ArrayList<>();

    /**
     * @param context   built with a navigator that forwards to this window ({@link ForwardingNavigator})
     * @param statusBar built from the same context
     */
    public MainWindow(ScreenContext context, List<Entry> entries, Function<ScreenContext, StatusBar> statusBar, Runnable onLogout) {
        this.context = context;
        this.entries = entries.stream().filter(e -> e.permission() == null || context.client().may(e.permission())).toList();
        this.onLogout = onLogout;
        this.statusBar = statusBar.apply(context);
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setPrefWidth(190);
        for (Entry e : this.entries) {
            ToggleButton b = new ToggleButton(e.title());
            b.setId("nav-" + e.id());
            b.setToggleGroup(navigation);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setOnAction(x -> select(e.id()));
            b.setVisible(e.inNav());
            b.setManaged(e.inNav());
            buttons.put(e.id(), b);
            nav.getChildren().add(b);
        }
        // keep one button selected: clicking the current one again must not leave the window without a screen
        navigation.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && was != null) was.setSelected(true);
        });
        root.setLeft(nav);
        root.setTop(header());
        notifications.setAlignment(Pos.TOP_RIGHT);
        notifications.setPickOnBounds(false);
        notifications.setMouseTransparent(true); // a toast never stands between the analyst and a button
        notifications.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        notifications.setId("notifications");
        StackPane.setAlignment(notifications, Pos.TOP_RIGHT);
        StackPane.setMargin(notifications, new Insets(12));
        StackPane centre = new StackPane(content, notifications);
        root.setCenter(centre);
        root.setBottom(this.statusBar.root());
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindow.class.getResource("MainWindow.css").toExternalForm());
        if (!this.entries.isEmpty()) select(this.entries.getFirst().id());
    }

    private Node header() {
        Label title = new Label("RiskPulse");
        title.getStyleClass().addAll("title-3", "app-title");
        Label where = new Label(context.client().kind() == RiskClient.Kind.EMBEDDED ? "This computer" : context.client().location());
        where.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Optional<UserView> user = context.client().currentUser();
        Label who = new Label(user.map(u -> u.username() + " · " + u.role()).orElse(""));
        who.setId("currentUser");
        Button logout = new Button("Log out");
        logout.setId("logoutButton");
        logout.getStyleClass().add("flat");
        logout.setOnAction(e -> onLogout.run());
        HBox header = new HBox(12, title, where, spacer, who, logout);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("header");
        return header;
    }

    /** Shows a screen by id, building it on the first visit. */
    public Screen select(String id) {
        Entry entry = entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no screen '" + id + "' for this user"));
        Screen screen = built.computeIfAbsent(id, k -> entry.factory().apply(context));
        content.getChildren().setAll(screen.root());
        ToggleButton b = buttons.get(id);
        if (!b.isVisible()) {
            b.setVisible(true);
            b.setManaged(true);
        }
        b.setSelected(true);
        screen.onShow();
        return screen;
    }

    /**
     * Builds a screen now without showing it, so that it listens to the live stream from the start (the alert queue
     * announces new alerts wherever the analyst is). Does nothing for a screen this user may not open.
     */
    public void prepare(String id) {
        entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .ifPresent(entry -> built.computeIfAbsent(id, k -> entry.factory().apply(context)));
    }

    /** The ids of the screens this user may open, in navigation order. */
    public List<String> screenIds() {
        return entries.stream().map(Entry::id).toList();
    }

    public Parent root() {
        return root;
    }

    @Override
    public void showAssessment(long riskId) {
        open("detail", riskId);
    }

    @Override
    public void showAlert(long alertId) {
        open("alerts", alertId);
    }

    private void open(String id, long objectId) {
        entries.stream().filter(e -> e.id().equals(id) && e.opener() != null).findFirst().ifPresent(e -> {
            Screen screen = select(id);
            e.opener().accept(screen, objectId);
        });
    }

    @Override
    public void showError(String title, String message) {
        Alert dialog = new Alert(Alert.AlertType.ERROR, message);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId("errorDialog");
        if (root.getScene() != null) dialog.initOwner(root.getScene().getWindow());
        dialog.show();
    }

    @Override
    public void notify(String message) {
        shownNotifications.add(message);
        Label toast = new Label(message);
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.setMaxWidth(360);
        notifications.getChildren().addFirst(toast);
        while (notifications.getChildren().size() > MAX_TOASTS) notifications.getChildren().removeLast();
        PauseTransition linger = new PauseTransition(Duration.seconds(5));
        linger.setOnFinished(e -> notifications.getChildren().remove(toast));
        linger.play();
    }

    /** Every notification shown since the window opened (newest last). */
    public List<String> notificationsShown() {
        return List.copyOf(shownNotifications);
    }

    @Override
    public void close() {
        built.values().forEach(Screen::close);
        built.clear();
        statusBar.close();
    }

    /** A navigator to hand to the context before the window exists; {@link #to} connects it. */
    public static final class ForwardingNavigator implements Navigator {
        private Navigator target;

        public void to(Navigator target) {
            this.target = target;
        }

        @Override
        public void showAssessment(long riskId) {
            if (target != null) target.showAssessment(riskId);
        }

        @Override
        public void showAlert(long alertId) {
            if (target != null) target.showAlert(alertId);
        }

        @Override
        public void showError(String title, String message) {
            if (target != null) target.showError(title, message);
        }

        @Override
        public void notify(String message) {
            if (target != null) target.notify(message);
        }
    }
}
