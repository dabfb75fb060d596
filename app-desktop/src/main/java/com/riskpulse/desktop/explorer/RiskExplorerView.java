package com.riskpulse.desktop.explorer;

import com.riskpulse.desktop.explorer.RiskExplorerViewModel.Period;
import com.riskpulse.desktop.explorer.RiskExplorerViewModel.Row;
import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.score.RiskLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** History search over every stored assessment: filters, key-paged results, export to CSV. */
public final class RiskExplorerView implements Screen {

    private final RiskExplorerViewModel viewModel;
    private final Parent root;

    @FXML private TextField entityField;
    @FXML private CheckBox levelLow, levelMedium, levelHigh, levelCritical;
    @FXML private TextField minScoreField, maxScoreField;
    @FXML private Label minScoreError, maxScoreError, dateError;
    @FXML private ComboBox<Period> periodBox;
    @FXML private DatePicker fromDate, toDate;
    @FXML private TextField fromTime, toTime;
    @FXML private Button searchButton, previousButton, nextButton, exportButton, cancelExportButton;
    @FXML private TableView<Row> resultsTable;
    @FXML private TableColumn<Row, Object> timeColumn, entityColumn, typeColumn, amountColumn, currencyColumn, countryColumn,
            scoreColumn, levelColumn, rulesColumn;
    @FXML private Label pageLabel, statusLabel, exportLabel;
    @FXML private ProgressBar exportProgress;

    public RiskExplorerView(ScreenContext ctx) {
        this.viewModel = new RiskExplorerViewModel(ctx);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        entityField.textProperty().bindBidirectional(viewModel.entity());
        levelLow.selectedProperty().bindBidirectional(viewModel.level(RiskLevel.LOW));
        levelMedium.selectedProperty().bindBidirectional(viewModel.level(RiskLevel.MEDIUM));
        levelHigh.selectedProperty().bindBidirectional(viewModel.level(RiskLevel.HIGH));
        levelCritical.selectedProperty().bindBidirectional(viewModel.level(RiskLevel.CRITICAL));
        minScoreField.textProperty().bindBidirectional(viewModel.minScore());
        maxScoreField.textProperty().bindBidirectional(viewModel.maxScore());
        minScoreError.textProperty().bind(viewModel.minScoreError());
        maxScoreError.textProperty().bind(viewModel.maxScoreError());
        dateError.textProperty().bind(viewModel.dateError());
        minScoreError.managedProperty().bind(minScoreError.textProperty().isNotEmpty());
        maxScoreError.managedProperty().bind(maxScoreError.textProperty().isNotEmpty());
        periodBox.getItems().setAll(Period.values());
        periodBox.valueProperty().bindBidirectional(viewModel.period());
        fromDate.valueProperty().bindBidirectional(viewModel.fromDate());
        toDate.valueProperty().bindBidirectional(viewModel.toDate());
        fromDate.disableProperty().bind(viewModel.period().isNotEqualTo(Period.DATES));
        toDate.disableProperty().bind(viewModel.period().isNotEqualTo(Period.DATES));
        fromTime.textProperty().bindBidirectional(viewModel.fromTime());
        toTime.textProperty().bindBidirectional(viewModel.toTime());
        fromTime.disableProperty().bind(viewModel.period().isNotEqualTo(Period.DATES));
        toTime.disableProperty().bind(viewModel.period().isNotEqualTo(Period.DATES));
        searchButton.disableProperty().bind(viewModel.canSearch().not());
        resultsTable.setItems(viewModel.rows());
        column(timeColumn, Row::time);
        column(entityColumn, Row::entity);
        column(typeColumn, Row::type);
        column(amountColumn, Row::amount);
        column(currencyColumn, Row::currency);
        column(countryColumn, Row::country);
        column(scoreColumn, Row::scoreText);
        column(levelColumn, Row::level);
        column(rulesColumn, Row::rules);
        resultsTable.setRowFactory(table -> openable(new TableRow<>()));
        previousButton.disableProperty().bind(viewModel.hasPrevious().not().or(viewModel.loading()));
        nextButton.disableProperty().bind(viewModel.hasNext().not().or(viewModel.loading()));
        pageLabel.textProperty().bind(viewModel.pageLabel());
        statusLabel.textProperty().bind(viewModel.status());
        exportProgress.visibleProperty().bind(viewModel.exportJob().running());
        exportProgress.setProgress(-1);
        cancelExportButton.visibleProperty().bind(viewModel.exportJob().running());
        exportButton.disableProperty().bind(viewModel.exportJob().running());
        exportLabel.textProperty().bind(Bindings.when(viewModel.exportJob().running())
                .then(viewModel.exportJob().rowsWritten().asString("%,d rows written…"))
                .otherwise(viewModel.exportJob().message()));
    }

    private static void column(TableColumn<Row, Object> column, Function<Row, Object> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private TableRow<Row> openable(TableRow<Row> row) {
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty()) viewModel.open(row.getItem());
        });
        row.itemProperty().addListener((o, old, item) -> {
            row.getStyleClass().removeIf(s -> s.startsWith("level-"));
            if (item != null) row.getStyleClass().add("level-" + item.level());
        });
        return row;
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export assessments to CSV");
        chooser.setInitialFileName("risks.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) viewModel.export(file.toPath());
    }

    @FXML
    private void cancelExport() {
        viewModel.cancelExport();
    }

    RiskExplorerViewModel viewModel() {
        return viewModel;
    }

    /** The first visit shows the newest assessments without asking for filters. */
    @Override
    public void onShow() {
        if (viewModel.rows().isEmpty()) viewModel.search();
    }

    @Override
    public String title() {
        return "Risk explorer";
    }

    @Override
    public Parent root() {
        return root;
    }
}
