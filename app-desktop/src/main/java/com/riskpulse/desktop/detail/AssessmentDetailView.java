package com.riskpulse.desktop.detail;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.ContributionView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.RiskView;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One assessment: the event, its score and contributions, the explanation and the entity's history. */
public final class AssessmentDetailView implements Screen {

    private static final DateTimeFormatter AXIS = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AssessmentDetailViewModel viewModel;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label levelLabel;
    @FXML private Label scoreLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private GridPane eventGrid;
    @FXML private Label factsLabel;
    @FXML private BarChart<Number, String> contributionChart;
    @FXML private ProgressIndicator explainIndicator;
    @FXML private Label explanationNote;
    @FXML private VBox explanationBox;
    @FXML private Label summaryLabel;
    @FXML private VBox featureBox;
    @FXML private Label counterfactualLabel;
    @FXML private VBox citationBox;
    @FXML private VBox nextCheckBox;
    @FXML private ScatterChart<Number, Number> historyChart;
    @FXML private NumberAxis timeAxis;
    @FXML private ListView<RiskView> historyList;

    public AssessmentDetailView(ScreenContext ctx) {
        this.viewModel = new AssessmentDetailViewModel(ctx);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        scoreLabel.textProperty().bind(viewModel.scoreTextProperty());
        levelLabel.textProperty().bind(viewModel.levelProperty());
        viewModel.levelProperty().addListener((o, a, b) -> levelStyle(b));
        loadingIndicator.visibleProperty().bind(viewModel.loadingBinding());
        factsLabel.textProperty().bind(viewModel.factsProperty());
        viewModel.eventFields().addListener((ListChangeListener<AssessmentDetailViewModel.Field>) c -> drawEvent());
        viewModel.contributions().addListener((ListChangeListener<ContributionView>) c -> drawContributions());

        explainIndicator.visibleProperty().bind(viewModel.explainingProperty());
        explainIndicator.managedProperty().bind(viewModel.explainingProperty());
        explanationNote.textProperty().bind(viewModel.explanationNoteProperty());
        explanationBox.visibleProperty().bind(viewModel.explanationProperty().isNotNull());
        explanationBox.managedProperty().bind(viewModel.explanationProperty().isNotNull());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        counterfactualLabel.textProperty().bind(viewModel.counterfactualProperty());
        mirror(viewModel.features(), featureBox, AssessmentDetailView::featureLine);
        mirror(viewModel.citations(), citationBox, c -> wrapped("§ " + c));
        mirror(viewModel.nextChecks(), nextCheckBox, c -> wrapped("☐ " + c));

        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return AXIS.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        historyList.setItems(viewModel.history());
        historyList.setCellFactory(l -> new HistoryCell());
        historyList.setOnMouseClicked(e -> showSelectedHistory());
        viewModel.history().addListener((ListChangeListener<RiskView>) c -> drawHistory());
        viewModel.currentRiskIdProperty().addListener((o, a, b) -> historyList.refresh());
    }

    /** Shows this assessment (the navigator's "show assessment"). */
    public void show(long riskId) {
        viewModel.show(riskId);
    }

    public AssessmentDetailViewModel viewModel() {
        return viewModel;
    }

    private void showSelectedHistory() {
        RiskView r = historyList.getSelectionModel().getSelectedItem();
        if (r != null && r.riskId() != viewModel.currentRiskIdProperty().get()) viewModel.show(r.riskId());
    }

    private void levelStyle(String level) {
        levelLabel.getStyleClass().removeIf(s -> s.startsWith("level-") && !s.equals("level-badge"));
        if (level != null && !level.isBlank()) levelLabel.getStyleClass().add("level-" + level.toLowerCase(Locale.ROOT));
    }

    private void drawEvent() {
        eventGrid.getChildren().clear();
        int row = 0;
        for (AssessmentDetailViewModel.Field f : viewModel.eventFields()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("field-name");
            eventGrid.addRow(row++, name, new Label(f.value()));
        }
    }

    /** Horizontal bars, the largest share on top; what raised the score red-ish, what lowered it green-ish. */
    private void drawContributions() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<ContributionView> all = viewModel.contributions();
        for (int i = all.size() - 1; i >= 0; i--) {
            ContributionView c = all.get(i);
            XYChart.Data<Number, String> bar = new XYChart.Data<>(c.contribution(), c.name());
            String colour = c.contribution() >= 0 ? "#e5534b" : "#3fb950";
            bar.nodeProperty().addListener((o, a, node) -> {
                if (node != null) node.setStyle("-fx-bar-fill: " + colour + ";");
            });
            series.getData().add(bar);
        }
        contributionChart.getData().setAll(List.of(series));
    }

    /** Score over time; the assessment shown is the large red point; a click on a point shows that one. */
    private void drawHistory() {
        XYChart.Series<Number, Number> others = new XYChart.Series<>();
        others.setName("recent assessments");
        XYChart.Series<Number, Number> current = new XYChart.Series<>();
        current.setName("this assessment");
        long shown = viewModel.currentRiskIdProperty().get();
        for (RiskView r : viewModel.history()) {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(r.timestamp().getEpochSecond(), r.score());
            StackPane dot = new StackPane();
            dot.getStyleClass().add("history-point");
            if (r.riskId() == shown) dot.getStyleClass().add("current");
            // inline, because the chart's own symbol colours would win over the stylesheet's
            dot.setStyle(r.riskId() == shown ? "-fx-background-color: #cf222e; -fx-background-radius: 8; -fx-padding: 8;"
                    : "-fx-background-color: #57606acc; -fx-background-radius: 4; -fx-padding: 4;");
            dot.setOnMouseClicked(e -> viewModel.show(r.riskId()));
            Tooltip.install(dot, new Tooltip(TIME.format(r.timestamp()) + " · " + String.format(Locale.ROOT, "%.2f", r.score()) + " " + r.level()));
            point.setNode(dot);
            (r.riskId() == shown ? current : others).getData().add(point);
        }
        historyChart.getData().setAll(List.of(others, current));
    }

    private static Node featureLine(ExplanationView.Feature f) {
        String text = f.name() + " = " + AssessmentDetailViewModel.number(f.value())
                + String.format(Locale.ROOT, " (%+.2f)", f.contribution())
                + (f.againstBaseline() == null || f.againstBaseline().isBlank() ? "" : " — " + f.againstBaseline());
        Label label = wrapped(text);
        label.getStyleClass().add(f.contribution() >= 0 ? "raises" : "lowers");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static <T> void mirror(ObservableList<T> items, Pane pane, Function<T, Node> render) {
        items.addListener((ListChangeListener<T>) c -> pane.getChildren().setAll(items.stream().map(render).toList()));
    }

    private final class HistoryCell extends ListCell<RiskView> {
        @Override
        protected void updateItem(RiskView r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().remove("current");
            if (empty || r == null) {
                setText(null);
                return;
            }
            if (r.riskId() == viewModel.currentRiskIdProperty().get()) getStyleClass().add("current");
            String type = r.event() != null && r.event().has("type") ? r.event().get("type").asText().toLowerCase(Locale.ROOT) : "";
            String amount = r.event() != null && r.event().has("amount")
                    ? " " + r.event().get("amount").asText() + " " + (r.event().has("currency") ? r.event().get("currency").asText() : "") : "";
            setText(TIME.format(r.timestamp()) + " · " + String.format(Locale.ROOT, "%.2f", r.score()) + " " + r.level() + " · " + type + amount);
        }
    }

    @Override
    public String title() {
        return "Assessment";
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShow() {
        viewModel.refresh();
    }
}
