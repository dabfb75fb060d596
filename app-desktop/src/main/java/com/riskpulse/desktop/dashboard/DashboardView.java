package com.riskpulse.desktop.dashboard;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.StringConverter;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** The dashboard: live charts, the day's counters and the newest assessments, over {@link DashboardViewModel}. */
public final class DashboardView implements Screen {

    private static final DateTimeFormatter AXIS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @FXML private LineChart<Number, Number> scoreChart;
    @FXML private NumberAxis scoreTimeAxis;
    @FXML private LineChart<Number, Number> rateChart;
    @FXML private NumberAxis rateTimeAxis;
    @FXML private BarChart<String, Number> levelChart;
    @FXML private TableView<FeedRow> feedTable;
    @FXML private TableColumn<FeedRow, String> timeColumn;
    @FXML private TableColumn<FeedRow, String> entityColumn;
    @FXML private TableColumn<FeedRow, String> typeColumn;
    @FXML private TableColumn<FeedRow, String> amountColumn;
    @FXML private TableColumn<FeedRow, String> scoreColumn;
    @FXML private TableColumn<FeedRow, String> levelColumn;
    @FXML private Label eventsTodayValue;
    @FXML private Label eventsTodayDetail;
    @FXML private Label rateValue;
    @FXML private Label openAlertsValue;
    @FXML private Label openAlertsDetail;
    @FXML private Label highRiskValue;
    @FXML private Label highRiskDetail;
    @FXML private Label lagValue;
    @FXML private Label lagDetail;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private ToggleButton pauseFeed;

    private final DashboardViewModel viewModel;
    private final Parent root;

    public DashboardView(ScreenContext ctx) {
        this(ctx, true);
    }

    /** @param decimate false only for the frame-rate run's comparison: one chart point per assessment */
    public DashboardView(ScreenContext ctx, boolean decimate) {
        this.viewModel = new DashboardViewModel(ctx, decimate);
        this.root = Fxml.load(this);
        viewModel.start();
    }

    @FXML
    private void initialize() {
        StringConverter<Number> time = new StringConverter<>() {
            @Override
            public String toString(Number x) {
                return AXIS_TIME.format(viewModel.timeOf(x.doubleValue()).atZone(viewModel.zoneId()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
        for (NumberAxis axis : new NumberAxis[] {scoreTimeAxis, rateTimeAxis}) {
            axis.setTickLabelFormatter(time);
            axis.lowerBoundProperty().bind(viewModel.axisLower());
            axis.upperBoundProperty().bind(viewModel.axisUpper());
        }
        scoreChart.getData().add(new XYChart.Series<>(viewModel.decimating() ? "max" : "score", viewModel.scoreMax()));
        scoreChart.getData().add(new XYChart.Series<>("mean", viewModel.scoreMean()));
        rateChart.getData().add(new XYChart.Series<>("received by the console", viewModel.receivedRate()));
        rateChart.getData().add(new XYChart.Series<>("scored by the engine", viewModel.engineRate()));
        levelChart.getData().add(new XYChart.Series<>("assessments", viewModel.levelCounts()));
        for (XYChart.Data<String, Number> bar : viewModel.levelCounts()) colour(bar);

        eventsTodayValue.textProperty().bind(viewModel.eventsToday());
        eventsTodayDetail.textProperty().bind(viewModel.eventsTodayDetail());
        rateValue.textProperty().bind(viewModel.rate());
        openAlertsValue.textProperty().bind(viewModel.openAlerts());
        openAlertsDetail.textProperty().bind(viewModel.openAlertsDetail());
        highRiskValue.textProperty().bind(viewModel.highRiskRate());
        highRiskDetail.textProperty().bind(viewModel.highRiskRateDetail());
        lagValue.textProperty().bind(viewModel.lag());
        lagDetail.textProperty().bind(viewModel.lagDetail());
        loadingIndicator.visibleProperty().bind(viewModel.loading());

        feedTable.setItems(viewModel.feed());
        column(timeColumn, FeedRow::time);
        column(entityColumn, FeedRow::entity);
        column(typeColumn, FeedRow::type);
        column(amountColumn, FeedRow::amount);
        column(scoreColumn, FeedRow::scoreText);
        column(levelColumn, FeedRow::level);
        levelColumn.setCellFactory(c -> new LevelCell());
        pauseFeed.selectedProperty().bindBidirectional(viewModel.feedPaused());
        // a filter on the table: the rows' cells consume the click before a handler would see it
        feedTable.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) viewModel.open(feedTable.getSelectionModel().getSelectedItem());
        });
        feedTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) viewModel.open(feedTable.getSelectionModel().getSelectedItem());
        });
    }

    private static void column(TableColumn<FeedRow, String> column, Function<FeedRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
    }

    /** Each level's bar in its level's colour (the bar's node exists once the chart has laid out the series). */
    private static void colour(XYChart.Data<String, Number> bar) {
        String styleClass = "level-" + bar.getXValue();
        if (bar.getNode() != null) bar.getNode().getStyleClass().add(styleClass);
        bar.nodeProperty().addListener((o, old, node) -> {
            if (node != null) node.getStyleClass().add(styleClass);
        });
    }

    /** The level in its colour. */
    private static final class LevelCell extends TableCell<FeedRow, String> {
        @Override
        protected void updateItem(String level, boolean empty) {
            super.updateItem(level, empty);
            getStyleClass().removeIf(s -> s.startsWith("level-"));
            setText(empty ? null : level);
            if (!empty && level != null) getStyleClass().add("level-" + level);
        }
    }

    public DashboardViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShow() {
        viewModel.refresh();
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
