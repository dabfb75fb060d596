package com.riskpulse.desktop.alertqueue;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertView;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The alert queue: filters, the sortable table with keyboard triage, the resolve pane and the selected alert's detail. */
public final class AlertQueueView implements Screen {

    private static final List<String> SEVERITY_ORDER = List.of("low", "medium", "high", "critical");
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AlertQueueViewModel viewModel;
    private final Parent root;
    private final Timeline ageTicker;
    private boolean openedByKey;

    @FXML private ComboBox<AlertQueueViewModel.StatusFilter> statusFilter;
    @FXML private ComboBox<String> severityFilter;
    @FXML private ComboBox<AlertQueueViewModel.AgeFilter> ageFilter;
    @FXML private TextField entityFilter;
    @FXML private TextField assigneeFilter;
    @FXML private ProgressIndicator progress;
    @FXML private Label countLabel;
    @FXML private HBox actionBar;
    @FXML private Button acknowledgeButton;
    @FXML private Button resolveButton;
    @FXML private Button assignButton;
    @FXML private TableView<AlertRow> table;
    @FXML private TableColumn<AlertRow, Long> idColumn;
    @FXML private TableColumn<AlertRow, String> severityColumn;
    @FXML private TableColumn<AlertRow, String> statusColumn;
    @FXML private TableColumn<AlertRow, String> entityColumn;
    @FXML private TableColumn<AlertRow, Integer> eventsColumn;
    @FXML private TableColumn<AlertRow, Double> scoreColumn;
    @FXML private TableColumn<AlertRow, String> assigneeColumn;
    @FXML private TableColumn<AlertRow, AlertRow> ageColumn;
    @FXML private HBox resolvePane;
    @FXML private ChoiceBox<String> resolutionChoice;
    @FXML private TextField noteField;
    @FXML private Button loadMoreButton;
    @FXML private Label detailTitle;
    @FXML private Label detailFacts;
    @FXML private TableView<AlertDetailView.Event> eventsTable;
    @FXML private TableColumn<AlertDetailView.Event, Long> eventRiskColumn;
    @FXML private TableColumn<AlertDetailView.Event, String> eventScoreColumn;
    @FXML private TableColumn<AlertDetailView.Event, String> eventLevelColumn;
    @FXML private TableColumn<AlertDetailView.Event, String> eventAtColumn;
    @FXML private Button openButton;

    public AlertQueueView(ScreenContext ctx) {
        this.viewModel = new AlertQueueViewModel(ctx);
        this.root = Fxml.load(this);
        this.ageTicker = new Timeline(new KeyFrame(Duration.seconds(5), e -> viewModel.tick()));
        ageTicker.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        statusFilter.setItems(FXCollections.observableArrayList(AlertQueueViewModel.StatusFilter.values()));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        severityFilter.setItems(viewModel.severityChoices());
        severityFilter.valueProperty().bindBidirectional(viewModel.severityFilterProperty());
        ageFilter.getItems().setAll(AlertQueueViewModel.AgeFilter.values());
        ageFilter.valueProperty().bindBidirectional(viewModel.ageFilterProperty());
        entityFilter.textProperty().bindBidirectional(viewModel.entityFilterProperty());
        entityFilter.setOnAction(e -> viewModel.reload());
        assigneeFilter.textProperty().bindBidirectional(viewModel.assigneeFilterProperty());
        assigneeFilter.setOnAction(e -> viewModel.reload());
        progress.visibleProperty().bind(viewModel.busyBinding());
        countLabel.textProperty().bind(viewModel.statusProperty());

        for (Node action : List.of(actionBar, acknowledgeButton, resolveButton, assignButton)) showOnlyWhen(action, viewModel.canWork());
        acknowledgeButton.disableProperty().bind(viewModel.actionableBinding().not());
        resolveButton.disableProperty().bind(viewModel.actionableBinding().not());
        assignButton.disableProperty().bind(viewModel.actionableBinding().not());

        SortedList<AlertRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        eventsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(idColumn, AlertView::id);
        column(severityColumn, AlertView::severity);
        severityColumn.setComparator(Comparator.comparingInt(SEVERITY_ORDER::indexOf));
        severityColumn.setCellFactory(c -> new SeverityCell());
        column(statusColumn, AlertView::status);
        column(entityColumn, AlertView::entityId);
        column(eventsColumn, AlertView::eventCount);
        column(scoreColumn, AlertView::highestScore);
        scoreColumn.setCellFactory(c -> formatted(v -> String.format(Locale.ROOT, "%.2f", v)));
        column(assigneeColumn, a -> a.assignee() == null ? "" : a.assignee());
        ageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        ageColumn.setComparator(Comparator.comparing((AlertRow r) -> r.alert().createdAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        ageColumn.setCellFactory(c -> new AgeCell());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedProperty().set(b));
        viewModel.selectedProperty().addListener((o, a, b) -> select(b));
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onTableKey);
        table.setOnMouseClicked(e -> { if (e.getClickCount() == 2) viewModel.openSelected(); });

        resolutionChoice.setItems(FXCollections.observableArrayList(AlertQueueViewModel.RESOLUTIONS));
        resolutionChoice.valueProperty().bindBidirectional(viewModel.resolutionProperty());
        noteField.textProperty().bindBidirectional(viewModel.noteProperty());
        resolvePane.visibleProperty().bind(viewModel.resolvingProperty());
        resolvePane.managedProperty().bind(viewModel.resolvingProperty());
        resolvePane.addEventFilter(KeyEvent.KEY_PRESSED, this::onResolveKey);
        noteField.addEventFilter(KeyEvent.KEY_TYPED, this::swallowTheOpeningKey);
        noteField.addEventFilter(KeyEvent.KEY_RELEASED, e -> openedByKey = false);
        viewModel.resolvingProperty().addListener((o, a, open) -> (open ? noteField : table).requestFocus());

        loadMoreButton.visibleProperty().bind(viewModel.hasMoreProperty());
        loadMoreButton.managedProperty().bind(viewModel.hasMoreProperty());

        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailFacts.textProperty().bind(viewModel.detailFactsProperty());
        eventsTable.setItems(viewModel.detailEvents());
        eventRiskColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().riskId()));
        eventScoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.2f", c.getValue().score())));
        eventLevelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().level()));
        eventAtColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().at() == null ? "" : EVENT_TIME.format(c.getValue().at())));
        openButton.disableProperty().bind(viewModel.selectedProperty().isNull());
    }

    /** Keyboard triage on the table; the view-model refuses the commands for a viewer. */
    private void onTableKey(KeyEvent e) {
        boolean handled = switch (e.getCode()) {
            case J -> moveSelection(1);
            case K -> moveSelection(-1);
            case A -> viewModel.acknowledgeSelected();
            case R -> openedByKey = viewModel.beginResolve();
            case ENTER -> { viewModel.openSelected(); yield true; }
            default -> false;
        };
        if (handled) e.consume();
    }

    /**
     * The R that opened the pane moves the focus to the note field before its own KEY_TYPED is delivered, which would
     * land in the note; swallowed until that key is released.
     */
    private void swallowTheOpeningKey(KeyEvent e) {
        if (openedByKey) e.consume();
    }

    private void onResolveKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            viewModel.confirmResolve();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            viewModel.cancelResolve();
            e.consume();
        }
    }

    private boolean moveSelection(int step) {
        int i = table.getSelectionModel().getSelectedIndex();
        int next = i < 0 ? 0 : Math.max(0, Math.min(table.getItems().size() - 1, i + step));
        if (table.getItems().isEmpty()) return true;
        table.getSelectionModel().clearAndSelect(next);
        table.scrollTo(next);
        return true;
    }

    private void select(AlertRow row) {
        if (row == null) return;
        if (table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private static <T> void column(TableColumn<AlertRow, T> column, Function<AlertView, T> value) {
        column.setCellValueFactory(c -> valueOf(c.getValue(), value));
    }

    /** A cell value that follows the row's alert as it is replaced by newer states. */
    private static <T> ObservableValue<T> valueOf(AlertRow row, Function<AlertView, T> value) {
        return Bindings.createObjectBinding(() -> value.apply(row.alert()), row.alertProperty());
    }

    private static <T> TableCell<AlertRow, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    private static void showOnlyWhen(Node node, boolean condition) {
        node.setVisible(condition);
        node.setManaged(condition);
    }

    private static final class SeverityCell extends TableCell<AlertRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("severity-"));
            setText(empty || item == null ? null : item.toUpperCase(Locale.ROOT));
            if (!empty && item != null) getStyleClass().add("severity-" + item);
        }
    }

    private static final class AgeCell extends TableCell<AlertRow, AlertRow> {
        @Override
        protected void updateItem(AlertRow item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) setText(null);
            else textProperty().bind(item.ageProperty());
        }
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void acknowledge() {
        viewModel.acknowledgeSelected();
    }

    @FXML
    private void resolve() {
        viewModel.beginResolve();
    }

    @FXML
    private void assignToMe() {
        viewModel.assignSelectedToMe();
    }

    @FXML
    private void confirmResolve() {
        viewModel.confirmResolve();
    }

    @FXML
    private void cancelResolve() {
        viewModel.cancelResolve();
    }

    @FXML
    private void openAssessment() {
        viewModel.openSelected();
    }

    /** Selects this alert (the navigator's "show alert"). */
    public void selectAlert(long alertId) {
        viewModel.selectAlert(alertId);
    }

    public AlertQueueViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Alert queue";
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShow() {
        viewModel.reload();
        ageTicker.play();
        table.requestFocus();
    }

    @Override
    public void close() {
        ageTicker.stop();
        viewModel.close();
    }
}
